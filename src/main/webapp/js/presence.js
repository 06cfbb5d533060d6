// Who is online (seeds 000/001): a heartbeat every 30 s while this tab is visible, none while it is hidden,
// one at once when it comes back; the "active now" panel, updated from the change stream; and the picker for
// one's own active customer and project, which others see in their panel.
import { h, ago, announce, debounce } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { user } from 'tandem/lib/auth.js';

const BEAT_MILLIS = 30_000;
let beatTimer = null;
let running = false;
let panel = null;
let picker = null;
let subscriptions = [];

async function beat() {
  clearTimeout(beatTimer);
  if (!running || document.hidden) return;
  try { await api.post('/api/core/heartbeat'); } catch { /* the offline indicator says it */ }
  if (running && !document.hidden) beatTimer = setTimeout(beat, BEAT_MILLIS);
}

function onVisibility() {
  if (document.hidden) clearTimeout(beatTimer); else beat();
}

async function loadActive() {
  if (!panel) return;
  let answer;
  try { answer = await api.get('/api/core/active-users'); } catch { return; }
  const me = user();
  panel.replaceChildren(h('h2', {}, 'Active now'),
    // Focusable because it scrolls when many are online: keyboard users can scroll it too.
    h('ul', { class: 'people', tabindex: '0', 'aria-label': 'Users active now' },
      answer.active_users.map((entry) => h('li', { dataset: { username: entry.user.username } },
      h('span', { class: 'dot on', 'aria-hidden': 'true' }),
      h('strong', {}, `${entry.user.first_name} ${entry.user.last_name}`), entry.user.id === me?.id ? ' (you)' : '',
      h('small', {}, [entry.active_customer?.name, entry.active_project?.name].filter(Boolean).join(' · ') || 'no customer chosen'),
      entry.last_activity ? h('small', {}, `seen ${ago(entry.last_activity)}`) : null))),
    answer.active_users.length === 0 ? h('p', { class: 'hint' }, 'Nobody right now.') : '');
}

async function loadPicker() {
  if (!picker) return;
  let config; let customers; let projects;
  try {
    [config, customers, projects] = await Promise.all([api.get('/api/core/user-config'),
      api.get('/api/core/customers?size=500'), api.get('/api/core/projects?size=500')]);
  } catch { return; }
  const customerSelect = h('select', { id: 'active-customer' }, h('option', { value: '' }, 'No customer'),
    customers.items.map((c) => h('option', { value: c.id, selected: c.id === config.active_customer_id }, c.name)));
  const projectSelect = h('select', { id: 'active-project' });
  const fillProjects = () => {
    const customerId = Number(customerSelect.value) || null;
    projectSelect.replaceChildren(h('option', { value: '' }, 'No project'),
      ...projects.items.filter((p) => !customerId || p.customer_id === customerId)
        .map((p) => h('option', { value: p.id, selected: p.id === config.active_project_id }, p.name)));
  };
  fillProjects();
  const save = async () => {
    try {
      config = await api.put('/api/core/user-config', { active_customer_id: Number(customerSelect.value) || null,
        active_project_id: Number(projectSelect.value) || null }, { headers: { 'If-Match': `"${config.version}"` } });
      announce('Your active customer and project were saved; others see them now.', 'success');
    } catch (error) {
      announce(error.conflict ? 'Your selection was changed in another window; it has been reloaded.' : error.message, 'error');
      loadPicker();
    }
  };
  customerSelect.addEventListener('change', () => { fillProjects(); save(); });
  projectSelect.addEventListener('change', save);
  picker.replaceChildren(
    h('label', { for: 'active-customer', class: 'visually-hidden' }, 'Active customer'), customerSelect,
    h('label', { for: 'active-project', class: 'visually-hidden' }, 'Active project'), projectSelect);
}

export function start(panelElement, pickerElement) {
  if (running) return;
  running = true;
  panel = panelElement;
  picker = pickerElement;
  document.addEventListener('visibilitychange', onVisibility);
  const reload = debounce(loadActive, 300);
  const reloadPicker = debounce(loadPicker, 300);
  subscriptions = [
    events.on('presence.active', reload),
    events.on('entity.changed', (e) => {
      if (e.entity_type === 'user_config' || e.entity_type === 'user') reload();
      if (e.entity_type === 'customer' || e.entity_type === 'project') { reload(); reloadPicker(); }
    }),
    events.on('reset', reload),
  ];
  beat().then(loadActive);
  loadPicker();
}

export function stop() {
  running = false;
  clearTimeout(beatTimer);
  document.removeEventListener('visibilitychange', onVisibility);
  subscriptions.forEach((u) => u());
  subscriptions = [];
  panel?.replaceChildren();
  picker?.replaceChildren();
}
