// Rack claims and audit sessions (MANAGER, ADMIN): every session that holds a rack's lease now, who holds it,
// since when, the last heartbeat, and "Release" for a claim that is stuck (its holder left a paused session or
// a tablet behind). The release names the session and fencing token the manager saw, so a claim that changed
// hands in the meantime is never released by mistake. Live from the rack.* events.
import { h, ago, announce, debounce, dateTime } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { confirmDialog } from 'tandem/ui/dialog.js';

// A holder's tablet beats every 25 s while it works; this long without one, the claim is probably stuck.
const QUIET_MILLIS = 120_000;
const REFRESH_MILLIS = 30_000;

const time = (iso) => h('time', { datetime: iso, title: dateTime(iso) }, ago(iso));

function leaseLeft(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.round((new Date(iso) - now) / 1000));
  return seconds >= 120 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;
}

export function claimsTab() {
  const status = h('span', { class: 'hint', role: 'status' });
  const body = h('tbody');
  const table = h('table', { class: 'data' }, h('caption', { class: 'visually-hidden' }, 'Rack claims held now'),
    h('thead', {}, h('tr', {}, ['Rack', 'Held by', 'State', 'Claimed', 'Last heartbeat', 'Lease left']
      .map((label) => h('th', { scope: 'col' }, label)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
    body);
  const element = h('div', { class: 'admin-claims' },
    h('div', { class: 'section-head' }, h('h2', {}, 'Rack claims & audit sessions'),
      h('button', { type: 'button', onclick: () => load() }, 'Refresh')),
    h('p', { class: 'hint' }, 'Racks someone holds now; highlighted ones are paused or have sent no heartbeat for two minutes, so they may be stuck. '
      + 'Releasing a claim frees the rack; its holder’s scans not yet synced are refused and they see that the lease was lost.'),
    h('div', { class: 'toolbar' }, status),
    h('div', { class: 'scroll' }, table));

  let loading = null;
  async function load() {
    const mine = loading = api.get('/api/sessions/active');
    let sessions;
    try { sessions = await mine; } catch (error) { if (mine === loading) status.textContent = error.message; return; }
    if (mine !== loading) return;
    render(sessions);
  }

  function render(sessions) {
    const now = Date.now();
    status.textContent = sessions.length === 1 ? '1 rack is held.' : `${sessions.length} racks are held.`;
    body.replaceChildren(...sessions.map((s) => {
      const quiet = s.status === 'ACTIVE' && now - new Date(s.last_heartbeat_at) > QUIET_MILLIS;
      return h('tr', { dataset: { rack: s.rack_id }, class: quiet || s.status === 'PAUSED' ? 'idle' : '' },
        h('th', { scope: 'row' }, s.rack_id, h('small', { class: 'rack-detail' }, `floor ${s.floor} · token ${s.fencing_token}`)),
        h('td', {}, s.username),
        h('td', {}, h('span', { class: `state state-${s.status.toLowerCase()}` }, s.status === 'PAUSED' ? 'paused' : 'auditing'),
          quiet ? h('span', { class: 'badge' }, 'no heartbeat') : null),
        h('td', {}, time(s.started_at)),
        h('td', {}, time(s.last_heartbeat_at)),
        h('td', { class: 'lease', dataset: { expires: s.lease_expires_at } }, leaseLeft(s.lease_expires_at, now)),
        h('td', { class: 'actions' }, h('button', { type: 'button', class: 'small danger', 'aria-label': `Release rack ${s.rack_id} held by ${s.username}`,
          onclick: () => release(s) }, 'Release')));
    }));
    if (!sessions.length) body.append(h('tr', {}, h('td', { colspan: 7, class: 'empty' }, 'Nobody holds a rack right now.')));
  }

  async function release(session) {
    const question = `Release rack ${session.rack_id}, held by ${session.username} since ${dateTime(session.started_at)}? `
      + `${session.username} loses the lease at once; scans they have not synced are refused.`;
    if (!await confirmDialog('Release rack claim', question, 'Release')) return;
    try {
      await api.post(`/api/racks/${encodeURIComponent(session.rack_id)}/release`,
        { session_id: session.id, fencing_token: session.fencing_token });
      announce(`Released rack ${session.rack_id} (was held by ${session.username}).`, 'success');
    } catch (error) {
      const changed = error.problem.reason === 'lease_lost';
      announce(changed ? `Rack ${session.rack_id} was not released: that claim has already ended or changed hands. The list is reloaded.`
        : error.message, 'error');
    }
    load();
  }

  const reload = debounce(load, 250);
  const offs = ['rack.claimed', 'rack.released', 'rack.paused', 'rack.resumed', 'rack.lease_expired', 'reset']
    .map((type) => events.on(type, reload));
  // Heartbeats and lapsing leases send no event: the times tick every second, the list is read again now and then.
  const ticker = setInterval(() => {
    const now = Date.now();
    for (const cell of body.querySelectorAll('td.lease')) cell.textContent = leaseLeft(cell.dataset.expires, now);
    for (const t of body.querySelectorAll('time[datetime]')) t.textContent = ago(t.getAttribute('datetime'), now);
  }, 1000);
  const refresher = setInterval(() => { if (!document.hidden && element.isConnected && !element.closest('[hidden]')) load(); }, REFRESH_MILLIS);
  load();
  return { element, shown: load, destroy: () => { offs.forEach((off) => off()); clearInterval(ticker); clearInterval(refresher); } };
}
