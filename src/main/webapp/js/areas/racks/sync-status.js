// How far the sync is, for the racks screens: what waits to be sent (of one session, or all of the user's),
// a progress bar while a sync runs, when the next try comes after a failure, "Sync now", and whether this
// device is offline (scanning goes on; the records wait here).
import { h } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { plural } from './format.js';

export function syncStatus(sync, { sessionId } = {}) {
  const count = h('p', { class: 'queue-count', role: 'status' });
  const bar = h('progress', { max: 1, value: 0, 'aria-label': 'Sync progress' });
  const progress = h('div', { class: 'sync-progress', hidden: true }, bar, h('span', { class: 'progress-text' }));
  const retry = h('p', { class: 'sync-retry hint', hidden: true });
  const offline = h('p', { class: 'offline-note', role: 'status', hidden: true },
    'Offline — scans are kept on this device and sent when the network returns.');
  const now = h('button', { type: 'button', class: 'small', onclick: () => sync.now() }, 'Sync now');
  const element = h('div', { class: 'sync-status' }, offline, h('div', { class: 'sync-line' }, count, now), progress, retry);

  let waiting = 0;
  async function refresh() {
    try {
      waiting = (await sync.queue.queued(sessionId)).length;
    } catch {
      return;
    }
    render();
  }

  function render() {
    const state = sync.state();
    count.textContent = waiting ? `Waiting to sync: ${waiting}` : 'Waiting to sync: 0 — everything is on the server';
    count.classList.toggle('pending', waiting > 0);
    now.disabled = state.syncing || !waiting;
    progress.hidden = !state.syncing;
    bar.max = Math.max(1, state.total);
    bar.value = state.sent;
    progress.querySelector('.progress-text').textContent = `Sent ${state.sent} of ${plural(state.total, 'record')}`;
    const seconds = state.retryAt ? Math.max(0, Math.ceil((state.retryAt - Date.now()) / 1000)) : null;
    retry.hidden = seconds === null || state.syncing;
    if (seconds !== null) retry.textContent = `The last try failed (${state.error?.message || 'no answer'}). Next try in ${seconds} s.`;
  }

  const unsubscribe = [
    sync.onChange(refresh),
    api.onConnectivity((online) => { offline.hidden = online && navigator.onLine; }),
  ];
  const ticker = setInterval(render, 1000);
  refresh();
  return { element, destroy: () => { unsubscribe.forEach((u) => u()); clearInterval(ticker); } };
}
