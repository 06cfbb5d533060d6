// The live change stream as an activity feed (ADMIN, MANAGER): who did what to which record, when, newest
// first, the last 200 kept; "Pause" holds new entries back (counted) so a reader is not scrolled away; and the
// users active now. The feed starts when the area opens: the stream only carries what happens from then on.
import { h, ago, dateTime, debounce } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { user } from 'tandem/lib/auth.js';

const LIMIT = 200;

// Which area shows a record of each entity type, for a link from the feed.
const AREA_OF = {
  user: 'admin/users', storage_system: 'storage', host: 'storage', volume: 'storage', zone: 'san', alias: 'san',
  customer: 'customers', project: 'customers', order: 'orders', client: 'orders', product: 'orders', rack: 'racks',
  portfolio: 'portfolio', program: 'portfolio', planned_project: 'portfolio', project_phase: 'portfolio',
  planning_resource: 'portfolio', worker: 'portfolio', worker_type: 'portfolio', rate: 'portfolio', actual: 'portfolio',
  scope_assignment: 'portfolio', resource_assignment: 'portfolio',
};

const KINDS = [
  { value: 'all', label: 'Everything' },
  { value: 'entity', label: 'Changes to records' },
  { value: 'rack', label: 'Rack claims' },
  { value: 'presence', label: 'Users becoming active' },
];

const kindOf = (type) => (type.startsWith('entity.') ? 'entity' : type.startsWith('rack.') ? 'rack' : type.split('.')[0]);
const noun = (type) => (type || 'record').replace(/_/g, ' ');

function record(event) {
  const text = event.entity_type === 'rack' ? `rack ${event.entity_id}` : `${noun(event.entity_type)} #${event.entity_id}`;
  const area = AREA_OF[event.entity_type];
  return area ? h('a', { href: `#/${area}` }, text) : text;
}

/** The sentence for one event: [who, what] — who is null when the event names nobody. */
function describe(event, type) {
  const who = event.by ?? null;
  const fields = event.details?.fields?.length ? ` (${event.details.fields.join(', ')})` : '';
  const version = event.version ? ` · version ${event.version}` : '';
  switch (type) {
    case 'entity.changed':
      // A user's working context (user_config) is theirs alone: say what it means rather than name the record.
      if (event.entity_type === 'user_config') {
        return [who, [event.details?.action === 'CREATE' ? 'started using Tandem' : 'chose another active customer or project']];
      }
      return event.details?.action === 'CREATE'
        ? [who, ['created ', record(event), version]]
        : [who, ['changed ', record(event), fields, version]];
    case 'entity.deleted': return [who, ['deleted ', record(event)]];
    case 'presence.active': return [who, ['became active']];
    case 'rack.claimed': return [who, ['claimed ', record(event)]];
    case 'rack.paused': return [who, ['paused the audit of ', record(event)]];
    case 'rack.resumed': return [who, ['resumed the audit of ', record(event)]];
    // The rack events name the holder of the claim, not who released it (a manager may have).
    case 'rack.released': return [null, [record(event), ` released (claim of ${who ?? 'unknown'})`]];
    case 'rack.lease_expired': return [null, ['The lease of ', who ?? 'someone', ' on ', record(event), ' lapsed']];
    case 'reset': return [null, ['The live stream had to start over: changes from before this line may be missing.']];
    default: return [who, [type, event.entity_type ? [' ', record(event)] : '']];
  }
}

export function activityTab() {
  let paused = false;
  let pending = [];
  const feed = h('ol', { class: 'feed', 'aria-label': 'Activity, newest first' });
  const empty = h('p', { class: 'hint feed-empty' }, 'Nothing yet — changes by anyone appear here as they happen.');
  const kind = h('select', { id: 'activity-kind', onchange: () => filter() }, KINDS.map((k) => h('option', { value: k.value }, k.label)));
  const pauseButton = h('button', { type: 'button', 'aria-pressed': 'false', onclick: () => (paused ? resume() : pause()) }, 'Pause');
  const state = h('span', { class: 'hint', role: 'status' });
  const people = h('div', { class: 'active-users' }, h('p', { class: 'hint' }, 'Loading…'));

  const element = h('div', { class: 'admin-activity' },
    h('div', { class: 'activity-grid' },
      h('section', { class: 'activity-feed', 'aria-labelledby': 'activity-heading' },
        h('div', { class: 'section-head' }, h('h2', { id: 'activity-heading' }, 'Activity')),
        h('div', { class: 'toolbar' },
          h('label', { for: 'activity-kind' }, 'Show'), kind, pauseButton,
          h('button', { type: 'button', onclick: () => clear() }, 'Clear'), state),
        empty, feed),
      h('section', { class: 'activity-people', 'aria-labelledby': 'people-heading' },
        h('h2', { id: 'people-heading' }, 'Active users'), people)));

  function entry(event, type) {
    const [who, what] = describe(event, type);
    const at = event.at || new Date().toISOString();
    const mine = event.user_id !== undefined && event.user_id === user()?.id;
    return h('li', { class: `event kind-${kindOf(type)}${mine ? ' mine' : ''}`, dataset: { kind: kindOf(type), type, id: event.id ?? '' },
      hidden: !shows(kindOf(type)) },
    h('time', { datetime: at, title: dateTime(at) }, new Date(at).toLocaleTimeString()),
    h('span', { class: 'what' }, who ? h('strong', { class: 'who' }, mine ? `${who} (you)` : who) : null, who ? ' ' : null, what));
  }

  const shows = (k) => kind.value === 'all' || kind.value === k;

  function add(event, type) {
    if (paused) {
      pending.unshift([event, type]);
      pending.length = Math.min(pending.length, LIMIT);
      say();
      return;
    }
    feed.prepend(entry(event, type));
    trim();
  }

  function trim() {
    while (feed.children.length > LIMIT) feed.lastElementChild.remove();
    empty.hidden = feed.children.length > 0;
    say();
  }

  function say() {
    const count = feed.children.length;
    state.textContent = paused
      ? `Paused: ${pending.length} new ${pending.length === 1 ? 'entry' : 'entries'} held back.`
      : `${count} ${count === 1 ? 'entry' : 'entries'} (the newest ${LIMIT} are kept).`;
  }

  function pause() {
    paused = true;
    pauseButton.textContent = 'Resume';
    pauseButton.setAttribute('aria-pressed', 'true');
    say();
  }

  function resume() {
    paused = false;
    pauseButton.textContent = 'Pause';
    pauseButton.setAttribute('aria-pressed', 'false');
    feed.prepend(...pending.map(([event, type]) => entry(event, type)));
    pending = [];
    trim();
  }

  function clear() {
    feed.replaceChildren();
    pending = [];
    trim();
  }

  function filter() {
    for (const item of feed.children) item.hidden = !shows(item.dataset.kind);
  }

  async function loadPeople() {
    let answer;
    try { answer = await api.get('/api/core/active-users'); } catch (error) {
      people.replaceChildren(h('p', { class: 'form-error' }, error.message));
      return;
    }
    const list = answer.active_users;
    if (!list.length) { people.replaceChildren(h('p', { class: 'hint' }, 'Nobody is active right now.')); return; }
    people.replaceChildren(h('div', { class: 'scroll' }, h('table', { class: 'data compact' },
      h('caption', { class: 'visually-hidden' }, 'Users active now'),
      h('thead', {}, h('tr', {}, ['User', 'Working on', 'Last seen'].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, list.map((entry) => h('tr', { dataset: { username: entry.user.username } },
        h('td', {}, `${entry.user.first_name} ${entry.user.last_name}`.trim() || entry.user.username, h('small', { class: 'username' }, entry.user.username)),
        h('td', {}, [entry.active_customer?.name, entry.active_project?.name].filter(Boolean).join(' · ') || '—'),
        h('td', {}, entry.last_activity ? h('time', { datetime: entry.last_activity, title: dateTime(entry.last_activity) }, ago(entry.last_activity)) : '—')))))));
  }

  const reloadPeople = debounce(loadPeople, 300);
  const offs = [
    events.on('*', (event, type) => add(event, type)),
    events.on('presence.active', reloadPeople),
    events.on('entity.changed', (e) => { if (['user', 'user_config', 'customer', 'project'].includes(e.entity_type)) reloadPeople(); }),
    events.on('entity.deleted', (e) => { if (e.entity_type === 'user') reloadPeople(); }),
    events.on('reset', reloadPeople),
  ];
  // Nobody announces going quiet: the list is read again every minute, and the "ago" times move.
  const refresher = setInterval(() => { if (!document.hidden) loadPeople(); }, 60_000);
  const ticker = setInterval(() => {
    for (const t of people.querySelectorAll('time[datetime]')) t.textContent = ago(t.getAttribute('datetime'));
  }, 15_000);
  say();
  loadPeople();
  return { element, shown: loadPeople, destroy: () => { offs.forEach((off) => off()); clearInterval(refresher); clearInterval(ticker); } };
}
