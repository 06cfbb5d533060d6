// Tandem's intranet UI: what the seeds' frontend task lists ask for, without a framework.
// Tokens live in sessionStorage (per tab); the access token is refreshed before it expires, and concurrent
// refreshes share one request so a rotated refresh token is never presented twice.

const $ = (selector) => document.querySelector(selector);
const state = { access: sessionStorage.getItem('access'), refresh: sessionStorage.getItem('refresh'),
  user: JSON.parse(sessionStorage.getItem('user') || 'null'), lastEventId: null, session: null, timers: [] };
let refreshing = null;

function saveTokens(body) {
  state.access = body.access_token; state.refresh = body.refresh_token; state.user = body.user;
  sessionStorage.setItem('access', state.access); sessionStorage.setItem('refresh', state.refresh);
  sessionStorage.setItem('user', JSON.stringify(state.user));
  scheduleRefresh();
}

function scheduleRefresh() {
  const payload = JSON.parse(atob(state.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  const inMs = payload.exp * 1000 - Date.now() - 60_000;
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(() => refreshTokens().catch(signedOut), Math.max(inMs, 5_000));
}

function refreshTokens() {
  refreshing ??= fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refresh_token: state.refresh }) })
    .then(async (r) => { if (!r.ok) throw new Error('refresh failed'); saveTokens(await r.json()); })
    .finally(() => { refreshing = null; });
  return refreshing;
}

async function api(path, { method = 'GET', body, headers = {} } = {}, retried = false) {
  const response = await fetch(path, { method, headers: { ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}),
    ...(state.access ? { Authorization: `Bearer ${state.access}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  if (response.status === 401 && state.refresh && !retried && !path.startsWith('/api/auth/')) {
    await refreshTokens().catch(signedOut);
    return api(path, { method, body, headers }, true);
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  return { status: response.status, ok: response.ok, json, etag: response.headers.get('ETag') };
}

function signedOut() {
  sessionStorage.clear();
  Object.assign(state, { access: null, refresh: null, user: null, session: null });
  state.timers.forEach(clearInterval); state.timers = [];
  state.events?.close();
  show('login');
}

function show(view) {
  $('#nav').hidden = view === 'login';
  for (const name of ['login', 'storage', 'racks']) $(`#${name}-view`).hidden = name !== view;
  document.querySelectorAll('nav button[data-view]').forEach((b) => b.classList.toggle('active', b.dataset.view === view));
}

const ago = (iso) => { const s = Math.round((Date.now() - new Date(iso)) / 1000);
  return s < 60 ? `${s} s ago` : s < 3600 ? `${Math.round(s / 60)} min ago` : new Date(iso).toLocaleString(); };
const text = (value) => (value === null || value === undefined ? '' : String(value));
function cell(row, value) { const td = row.insertCell(); td.textContent = text(value); return td; }

// --- presence --------------------------------------------------------------------------------------------
async function heartbeat() { await api('/api/core/heartbeat/', { method: 'POST' }); }
async function loadActiveUsers() {
  const { json } = await api('/api/core/active-users/');
  const list = $('#active-users'); list.replaceChildren();
  for (const entry of json.active_users) {
    const li = document.createElement('li');
    li.textContent = `${entry.user.first_name} ${entry.user.last_name} (${entry.user.username})`;
    const small = document.createElement('small');
    small.textContent = [entry.active_customer?.name, entry.active_project?.name].filter(Boolean).join(' · ') || 'no customer selected';
    li.append(small); list.append(li);
  }
}

// --- storage systems: versions, last-modified indicators, conflicts -------------------------------------
async function loadStorage() {
  const { json } = await api('/api/storage?size=200');
  const body = $('#storage-table tbody'); body.replaceChildren();
  for (const item of json.items) {
    const row = body.insertRow();
    if (Date.now() - new Date(item.last_modified_at) < 300_000) row.classList.add('recent');
    [item.name, item.vendor, item.location, item.version, item.last_modified_by].forEach((v) => cell(row, v));
    const when = cell(row, ago(item.last_modified_at)); when.title = item.last_modified_at;
    const edit = document.createElement('button'); edit.textContent = 'Edit';
    edit.onclick = () => openEditor(item.id); row.insertCell().append(edit);
  }
}

async function openEditor(id) {
  const { json: item } = await api(`/api/storage/${id}`);
  const form = $('#edit-form');
  for (const field of ['name', 'vendor', 'model', 'location', 'notes']) form.elements[field].value = text(item[field]);
  $('#edit-version').textContent = item.version;
  $('#editor').showModal();
  $('#editor').onclose = async () => {
    if ($('#editor').returnValue !== 'save') return;
    const mine = Object.fromEntries(['name', 'vendor', 'model', 'location', 'notes'].map((f) => [f, form.elements[f].value || null]));
    await save(id, item.version, mine);
  };
}

async function save(id, version, mine) {
  const result = await api(`/api/storage/${id}`, { method: 'PUT', body: mine, headers: { 'If-Match': `"${version}"` } });
  if (result.ok) return loadStorage();
  if (result.status === 409 || result.status === 412) return showConflict(id, mine, result.json);
  alert(result.json?.detail || 'The save failed.');
}

// Never retried silently: the user sees yours vs theirs and decides.
function showConflict(id, mine, problem) {
  $('#conflict-message').textContent = problem.message || problem.detail;
  const rows = $('#conflict-rows'); rows.replaceChildren();
  for (const [field, value] of Object.entries(mine)) {
    const theirs = problem.current?.[field];
    const row = rows.insertRow();
    cell(row, field); cell(row, value); const t = cell(row, theirs);
    const change = [...(problem.changes_since || [])].reverse().find((c) => c.field === field);
    cell(row, change ? `${change.modified_by} (v${change.version})` : '');
    if (text(value) !== text(theirs)) t.classList.add('diff');
  }
  $('#conflict').showModal();
  $('#conflict').onclose = async () => {
    if ($('#conflict').returnValue === 'mine') await save(id, problem.current_version, mine);
    else await loadStorage();
  };
}

// --- live updates (SSE with a single-use ticket; resume from the last event id) --------------------------
async function connectEvents() {
  const { json } = await api('/api/events/ticket', { method: 'POST' });
  if (!json?.ticket) return;
  const resume = state.lastEventId ? `&last_event_id=${state.lastEventId}` : '';
  const events = new EventSource(`/api/events?ticket=${encodeURIComponent(json.ticket)}${resume}`);
  state.events = events;
  const seen = (e) => { if (e.lastEventId) state.lastEventId = e.lastEventId; };
  events.onopen = () => $('#live').classList.add('on');
  // The first message says where the stream starts and how long to wait before reconnecting.
  events.addEventListener('stream.opened', (e) => { seen(e); state.retryMillis = JSON.parse(e.data).retry; });
  events.addEventListener('entity.changed', (e) => { seen(e); if (JSON.parse(e.data).entity_type === 'storage_system') loadStorage(); });
  events.addEventListener('entity.deleted', (e) => { seen(e); loadStorage(); });
  events.addEventListener('presence.active', (e) => { seen(e); loadActiveUsers(); });
  for (const name of ['rack.claimed', 'rack.released', 'rack.paused', 'rack.resumed', 'rack.lease_expired']) {
    events.addEventListener(name, (e) => { seen(e); loadRacks(); });
  }
  events.addEventListener('reset', (e) => { seen(e); loadStorage(); loadActiveUsers(); loadRacks(); });
  // A ticket works once, so reconnect with a new one rather than letting EventSource retry the old URL.
  events.onerror = () => { $('#live').classList.remove('on'); events.close(); if (state.access) setTimeout(connectEvents, state.retryMillis || 3000); };
}

// --- rack audits: claim, heartbeat, offline queue, lease lost -------------------------------------------
const queue = () => JSON.parse(localStorage.getItem('sync-queue') || '[]');
const setQueue = (records) => { localStorage.setItem('sync-queue', JSON.stringify(records)); $('#queue-size').textContent = records.length; };

async function loadRacks() {
  if (!state.access) return;
  const floors = (await api('/api/racks/floors')).json || [];
  const select = $('#floor'); const chosen = select.value;
  select.replaceChildren(...floors.map((f) => new Option(f.name, f.name)));
  if (chosen) select.value = chosen;
  const { json } = await api(`/api/racks/available?floor=${encodeURIComponent(select.value)}`);
  const body = $('#racks-table tbody'); body.replaceChildren();
  for (const rack of json || []) {
    const row = body.insertRow(); cell(row, rack.rack_id); cell(row, `${rack.item_count} items, ${rack.expected_quantity} pieces`);
    const claim = document.createElement('button'); claim.textContent = 'Claim';
    claim.onclick = () => claimRack(rack.rack_id, rack.floor); row.insertCell().append(claim);
  }
}

async function claimRack(rackId, floor) {
  const result = await api(`/api/racks/${encodeURIComponent(rackId)}/claim`, { method: 'POST', body: { floor } });
  if (!result.ok) return alert(result.json.detail);
  startSession({ id: result.json.session_id, rack_id: rackId, fencing_token: result.json.fencing_token, status: 'ACTIVE' });
}

function startSession(session) {
  state.session = session; $('#lease-banner').hidden = true; $('#my-session').hidden = false;
  $('#session-rack').textContent = session.rack_id; $('#session-token').textContent = session.fencing_token;
  $('#session-status').textContent = session.status;
  clearInterval(state.sessionBeat);
  state.sessionBeat = setInterval(sessionHeartbeat, 25_000);
  sessionHeartbeat(); loadRacks();
}

function leaseLost() {
  clearInterval(state.sessionBeat);
  $('#lease-banner').textContent = `Your lease on rack ${state.session.rack_id} was lost (it lapsed or someone else claimed the rack). Stop working on it; unsynced records stay queued.`;
  $('#lease-banner').hidden = false; $('#my-session').hidden = true; state.session = null; loadRacks();
}

async function sessionHeartbeat() {
  if (!state.session) return;
  const result = await api(`/api/sessions/${state.session.id}/heartbeat`, { method: 'POST', body: { fencing_token: state.session.fencing_token } });
  if (result.json?.reason === 'lease_lost') return leaseLost();
  if (result.ok) $('#session-ttl').textContent = result.json.lock_ttl_remaining;
  const stats = await api(`/api/sessions/${state.session.id}/stats`);
  if (stats.ok) $('#session-stats').textContent = `${stats.json.verified_items} of ${stats.json.total_items} verified · ${stats.json.damage_items} damaged · ${stats.json.items_per_minute} per minute`;
}

async function syncQueue() {
  const records = queue();
  if (!records.length || !state.session) return;
  const result = await api('/api/sync/batch', { method: 'POST', body: { records: records.slice(0, 100), fencing_token: state.session.fencing_token } });
  if (!result.ok) return;
  const done = new Set(result.json.results.filter((r) => r.status !== 'rejected' || r.reason !== 'lease_lost').map((r) => r.client_record_id));
  if (result.json.results.some((r) => r.reason === 'lease_lost')) leaseLost();
  setQueue(queue().filter((r) => !done.has(r.client_record_id)));
  sessionHeartbeat();
}

// --- wiring -----------------------------------------------------------------------------------------------
async function start() {
  show('storage'); $('#me').textContent = `${state.user.first_name} ${state.user.last_name}`;
  scheduleRefresh();
  heartbeat(); loadActiveUsers(); loadStorage(); loadRacks(); connectEvents();
  state.timers.push(setInterval(heartbeat, 30_000), setInterval(loadActiveUsers, 60_000), setInterval(syncQueue, 15_000));
  const mine = await api('/api/racks/user/active');   // session recovery after a reload
  if (mine.ok && mine.json.length) startSession(mine.json[0]);
  setQueue(queue());
}

$('#login-form').onsubmit = async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const result = await api('/api/auth/login', { method: 'POST', body: Object.fromEntries(form) });
  if (!result.ok) { $('#login-error').textContent = result.json.detail; return; }
  $('#login-error').textContent = ''; saveTokens(result.json); start();
};
$('#logout').onclick = async () => { await api('/api/auth/logout', { method: 'POST' }); signedOut(); };
document.querySelectorAll('nav button[data-view]').forEach((b) => { b.onclick = () => show(b.dataset.view); });
$('#storage-new').onsubmit = async (event) => {
  event.preventDefault();
  const result = await api('/api/storage', { method: 'POST', body: { name: event.target.elements.name.value } });
  if (!result.ok) alert(result.json.detail); event.target.reset(); loadStorage();
};
$('#floor').onchange = loadRacks;
$('#record-form').onsubmit = (event) => {
  event.preventDefault();
  const f = event.target.elements; const now = new Date().toISOString();
  setQueue([...queue(), { client_record_id: crypto.randomUUID(), session_id: state.session.id, item_code: f.item_code.value,
    verified_qty: Number(f.verified_qty.value), damage_qty: Number(f.damage_qty.value || 0), serial_numbers: [],
    status: Number(f.damage_qty.value) > 0 ? 'damaged' : 'verified', created_at: now, updated_at: now }]);
  event.target.reset(); syncQueue();
};
$('#sync-now').onclick = syncQueue;
for (const action of ['pause', 'resume', 'release']) {
  $(`#${action}`).onclick = async () => {
    const result = await api(`/api/racks/${encodeURIComponent(state.session.rack_id)}/${action}`, { method: 'POST',
      body: { session_id: state.session.id, fencing_token: state.session.fencing_token } });
    if (result.json?.reason === 'lease_lost') return leaseLost();
    if (action === 'release' && result.ok) { clearInterval(state.sessionBeat); state.session = null; $('#my-session').hidden = true; loadRacks(); return; }
    if (result.ok) $('#session-status').textContent = result.json.status;
  };
}

if (state.access && state.user) start(); else show('login');
