// How far one audit session is: the server's statistics (refreshed after each sync that reached it and every
// 30 s), and its scans — those still waiting on this device first, then those the server has.
import { h } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as leases from './leases.js';
import { countdown } from './format.js';

const STATS_MILLIS = 30_000;
const SHOWN = 50;

const parseSerials = (value) => {
  if (Array.isArray(value)) return value;
  try { return JSON.parse(value || '[]'); } catch { return []; }
};

/** Answers {element, destroy()} for the session's progress and scans. */
export function sessionProgress(sessionId, sync) {
  const stats = h('dl', { class: 'stats' });
  const scans = h('div', { class: 'scans' });
  const element = h('div', { class: 'session-progress' },
    h('section', { 'aria-labelledby': 'session-stats-title' }, h('h2', { id: 'session-stats-title' }, 'Progress'), stats),
    h('section', { 'aria-labelledby': 'session-scans-title' }, h('h2', { id: 'session-scans-title' }, 'Scans in this session'), scans));
  const path = `/api/sessions/${encodeURIComponent(sessionId)}`;

  async function loadStats() {
    try {
      const answer = await api.get(`${path}/stats`);
      stats.replaceChildren(...[
        ['Items on the rack', answer.total_items], ['Verified', answer.verified_items], ['Damaged', answer.damage_items],
        ['Still to verify', answer.pending_items], ['Duration', countdown(answer.duration_seconds)],
        ['Items per minute', answer.items_per_minute],
      ].map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', { dataset: { stat: label } }, String(value)))));
    } catch (error) {
      if (!stats.children.length) stats.replaceChildren(h('div', { class: 'hint' }, error.offline ? 'Offline.' : error.message));
    }
  }

  let saved = [];
  async function loadScans(fromServer) {
    if (fromServer) {
      try { saved = await api.get(`${path}/items`); } catch { /* offline: as last loaded */ }
    }
    const waiting = await sync.queue.queued(sessionId).catch(() => []);
    const rows = [
      ...waiting.slice().reverse().map((r) => ({ ...r, waiting: true })),
      ...saved.slice().sort((a, b) => String(b.synced_at).localeCompare(String(a.synced_at))).map((item) => ({ ...item, serial_numbers: parseSerials(item.serial_numbers), waiting: false })),
    ];
    if (!rows.length) { scans.replaceChildren(h('p', { class: 'hint' }, 'No scans yet.')); return; }
    scans.replaceChildren(rows.length > SHOWN ? h('p', { class: 'hint' }, `The newest ${SHOWN} of ${rows.length} scans.`) : '',
      h('div', { class: 'scroll' }, h('table', { class: 'data compact' },
      h('caption', { class: 'visually-hidden' }, 'Scans in this session'),
      h('thead', {}, h('tr', {}, ['Item', 'Verified', 'Damaged', 'Serials', 'State'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.slice(0, SHOWN).map((r) => h('tr', { class: r.waiting ? 'waiting' : '' },
        h('td', {}, r.item_code), h('td', {}, String(r.verified_qty)), h('td', {}, String(r.damage_qty ?? 0)),
        h('td', {}, String(r.serial_numbers?.length || 0)),
        h('td', {}, r.waiting ? h('span', { class: 'badge' }, 'waiting') : 'saved')))))));
  }

  const unsubscribe = [
    sync.queue.onChange(() => loadScans(false)),
    sync.onSynced((ids) => { if (ids.has(sessionId)) { loadStats(); loadScans(true); } }),
  ];
  const timer = setInterval(() => { if (!document.hidden && navigator.onLine && leases.isLive(sessionId)) loadStats(); }, STATS_MILLIS);
  loadStats();
  loadScans(true);
  return { element, destroy: () => { unsubscribe.forEach((u) => u()); clearInterval(timer); } };
}
