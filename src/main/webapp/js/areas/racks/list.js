// The racks screen: floors, the racks free to claim (with how many items to expect), who holds the others, and
// the user's own live sessions; all of it follows the rack.* events of the live stream without a reload.
import { h, announce, debounce } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { user, isManager } from 'tandem/lib/auth.js';
import * as leases from './leases.js';
import { attentionList } from './attention.js';
import { syncStatus } from './sync-status.js';
import { clockTime, countdown } from './format.js';
import { setupSection } from './setup.js';

const FLOOR_KEY = 'tandem.racks.floor';
const RACK_EVENTS = ['rack.claimed', 'rack.released', 'rack.paused', 'rack.resumed', 'rack.lease_expired', 'reset'];

export function renderList(root, sync) {
  let floor = sessionStorage.getItem(FLOOR_KEY) || '';
  let floors = [];
  const mine = h('div', { class: 'my-sessions' });
  const floorPicker = h('div', { class: 'floor-picker', role: 'group', 'aria-label': 'Floor' });
  const status = h('p', { class: 'hint', role: 'status' });
  const available = h('div');
  const taken = h('div');
  const attention = attentionList(sync);
  const queueStatus = syncStatus(sync);

  root.append(
    mine,
    queueStatus.element,
    attention.element,
    h('section', { class: 'racks-floors', 'aria-labelledby': 'racks-available-title' },
      h('div', { class: 'section-head' }, h('h2', { id: 'racks-available-title' }, 'Racks to audit'), status),
      floorPicker,
      available,
      h('h2', { id: 'racks-taken-title' }, 'Being audited'),
      taken));
  if (isManager()) root.append(setupSection(() => load()));

  function renderFloors() {
    const choices = [{ value: '', label: 'All floors' }, ...floors.map((f) => ({ value: f.name, label: f.name }))];
    floorPicker.replaceChildren(h('span', { class: 'label', 'aria-hidden': 'true' }, 'Floor:'), ...choices.map((choice) =>
      h('button', { type: 'button', class: 'small', 'aria-pressed': String(choice.value === floor),
        onclick: () => { floor = choice.value; sessionStorage.setItem(FLOOR_KEY, floor); renderFloors(); load(); } }, choice.label)));
  }

  let loading = null;
  let destroyed = false;
  async function load() {
    if (destroyed) return undefined;
    if (!navigator.onLine) {
      status.textContent = 'Offline: the lists are as they were when last loaded.';
      return undefined;
    }
    const request = loading = Promise.all([
      api.get(api.query('/api/racks/available', { floor })),
      api.get('/api/sessions/active'),
      api.get('/api/racks/floors'),
    ]);
    let free; let held;
    try {
      [free, held, floors] = await request;
    } catch (error) {
      if (request === loading) status.textContent = error.offline ? 'Offline: the lists are as they were when last loaded.' : error.message;
      return;
    }
    if (request !== loading) return;
    if (floor && !floors.some((f) => f.name === floor)) { floor = ''; return load(); }
    status.textContent = `Updated ${clockTime(new Date())}`;
    renderFloors();
    renderAvailable(free);
    renderTaken(held.filter((s) => !floor || s.floor === floor));
    return undefined;
  }

  function renderAvailable(racks) {
    if (!floors.length) {
      available.replaceChildren(h('p', { class: 'hint' }, isManager()
        ? 'No floors yet: add them under “Set up floors and racks” below.' : 'No floors yet: a manager adds floors and racks first.'));
      return;
    }
    if (!racks.length) {
      available.replaceChildren(h('p', { class: 'hint' }, floor ? `No rack on ${floor} is free right now.` : 'No rack is free right now.'));
      return;
    }
    available.replaceChildren(h('div', { class: 'scroll' }, h('table', { class: 'data racks-available' },
      h('caption', { class: 'visually-hidden' }, 'Racks free to claim'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Rack'), h('th', { scope: 'col' }, 'Floor'),
        h('th', { scope: 'col' }, 'Items'), h('th', { scope: 'col' }, 'Pieces expected'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Claim')))),
      h('tbody', {}, racks.map((rack) => h('tr', { dataset: { rack: rack.rack_id } },
        h('th', { scope: 'row' }, rack.rack_id), h('td', {}, rack.floor), h('td', {}, String(rack.item_count)),
        h('td', {}, String(rack.expected_quantity)),
        h('td', { class: 'actions' }, h('button', { type: 'button', class: 'primary', 'aria-label': `Claim rack ${rack.rack_id}`,
          onclick: (event) => claim(rack, event.currentTarget) }, 'Claim'))))))));
  }

  function renderTaken(sessions) {
    if (!sessions.length) {
      taken.replaceChildren(h('p', { class: 'hint' }, 'Nobody is auditing a rack here right now.'));
      return;
    }
    const me = user();
    taken.replaceChildren(h('div', { class: 'scroll' }, h('table', { class: 'data racks-taken' },
      h('caption', { class: 'visually-hidden' }, 'Racks being audited'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Rack'), h('th', { scope: 'col' }, 'Floor'),
        h('th', { scope: 'col' }, 'Held by'), h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, 'Since'))),
      h('tbody', {}, sessions.map((s) => h('tr', { dataset: { rack: s.rack_id } },
        h('th', { scope: 'row' }, s.user_id === me?.id && leases.isLive(s.id)
          ? h('a', { href: `#/racks/session/${encodeURIComponent(s.id)}` }, s.rack_id) : s.rack_id),
        h('td', {}, s.floor),
        h('td', { class: 'holder' }, s.user_id === me?.id ? `${s.username} (you)` : s.username),
        h('td', {}, h('span', { class: `state state-${s.status.toLowerCase()}` }, s.status === 'PAUSED' ? 'Paused' : 'Auditing')),
        h('td', {}, h('time', { datetime: s.started_at }, clockTime(s.started_at)))))))));
  }

  async function claim(rack, button) {
    button.disabled = true;
    try {
      const claimed = await api.post(`/api/racks/${encodeURIComponent(rack.rack_id)}/claim`, { floor: rack.floor });
      leases.track({ id: claimed.session_id, rack_id: claimed.rack_id, floor: claimed.floor, fencing_token: claimed.fencing_token,
        status: 'ACTIVE', lease_expires_at: claimed.lease_expires_at }, claimed.lock_ttl, { adopt: true });
      leases.refresh();  // the whole session (when it started) for the session screen
      announce(claimed.message, 'success');
      location.hash = `#/racks/session/${encodeURIComponent(claimed.session_id)}`;
    } catch (error) {
      announce(error.problem?.held_by ? `Rack ${rack.rack_id} is already being audited by ${error.problem.held_by}.` : error.message, 'error');
      button.disabled = false;
      load();
    }
  }

  // The cards are rebuilt only when the sessions change, so a focused "Continue" link keeps its focus; the
  // countdowns tick in place.
  let shown = '';
  function renderMine() {
    const live = leases.live();
    const key = live.map((e) => `${e.session.id}:${e.session.status}:${leases.isAdopted(e.session.id)}`).join();
    if (key !== shown) {
      shown = key;
      mine.replaceChildren(...live.map((entry) => {
        const s = entry.session;
        const here = leases.isAdopted(s.id);
        return h('div', { class: 'my-session notice', dataset: { session: s.id } },
          h('p', {}, h('strong', {}, `You are auditing rack ${s.rack_id}`), ` on ${s.floor}`, s.status === 'PAUSED' ? ' (paused)' : '',
            here ? h('span', { class: 'lease', dataset: { session: s.id } }) : ' · claimed in another window or on another device'),
          h('a', { class: 'button primary', href: `#/racks/session/${encodeURIComponent(s.id)}` }, here ? 'Continue audit' : 'Continue here'));
      }));
      reload();
    }
    for (const span of mine.querySelectorAll('.lease')) {
      const left = leases.remaining(span.dataset.session);
      span.textContent = left === null ? '' : ` · lease ${countdown(left)}`;
    }
  }

  const reload = debounce(load, 250);
  const unsubscribe = [
    ...RACK_EVENTS.map((type) => events.on(type, reload)),
    leases.onChange(renderMine),
  ];
  window.addEventListener('online', reload);
  const ticker = setInterval(renderMine, 1000);
  renderMine();
  load();
  return () => {
    destroyed = true;
    window.removeEventListener('online', reload);
    unsubscribe.forEach((u) => u());
    clearInterval(ticker);
    attention.destroy();
    queueStatus.destroy();
  };
}
