// The signed-in user's audit sessions that hold a rack's lease (seed 002). Those this browser works on — claimed
// here, or opened here — are kept alive by a heartbeat every 25 s while the tab is in view (none while it is
// hidden, one at once when it is back or the network returns), also after a reload; a session the user holds
// from another device is shown, but its lease is left to that device until the user continues it here.
//
// A session's lease is the server's to judge: it is lost when a heartbeat, an action or a sync answers
// lease_lost, or the stream reports rack.lease_expired for it (or someone else's claim of its rack). Then it
// stops at once and whoever listens (the session screen, the sync) hears of it; a lost session never comes back.
// The countdown uses the server's remaining seconds at the last answer and this tab's monotonic clock since, so
// neither clock skew nor a moved server clock makes it wrong by more than the time since that answer.
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import * as auth from 'tandem/lib/auth.js';

export const BEAT_MILLIS = 25_000;

/** id → {session, ttl, at, beating, unconfirmed, end: null | {kind: lost|completed, why, by, at}} */
const sessions = new Map();
/** Ids of the sessions this browser works on (localStorage, per user, so a reload goes on with them). */
let adopted = new Set();
const listeners = new Set();
const endListeners = new Set();
let owner = null;
let timer = null;
let loaded = Promise.resolve();
let subscriptions = [];

const now = () => performance.now();
const notify = () => listeners.forEach((listener) => listener());
const leaseLost = (error) => error.status === 404 || (error.status === 409 && error.problem?.reason === 'lease_lost');

/** Starts keeping the signed-in user's sessions (again after another user signed in); answers when they are loaded. */
export function start() {
  const me = auth.user();
  if (!me) return Promise.resolve();
  if (owner === me.id) return loaded;
  stop();
  owner = me.id;
  try { adopted = new Set(JSON.parse(localStorage.getItem(adoptedKey()) || '[]')); } catch { adopted = new Set(); }
  subscriptions = [
    events.on('rack.lease_expired', (e) => markLost(e.details?.session_id, 'expired', e.by)),
    events.on('rack.released', (e) => {
      const entry = sessions.get(e.details?.session_id);
      if (entry && !entry.ending) markLost(entry.session.id, 'released', e.by);
    }),
    events.on('rack.claimed', onClaimed),
    events.on('rack.paused', onPausedOrResumed),
    events.on('rack.resumed', onPausedOrResumed),
    events.on('reset', () => refresh()),
    auth.onChange((user) => { if (user?.id !== owner) stop(); }),
  ];
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('online', beatNow);
  loaded = refresh();
  schedule();
  return loaded;
}

/** Forgets everything (sign-out, or another user signed in on this browser). */
export function stop() {
  clearTimeout(timer);
  subscriptions.forEach((unsubscribe) => unsubscribe());
  subscriptions = [];
  document.removeEventListener('visibilitychange', onVisibility);
  window.removeEventListener('online', beatNow);
  sessions.clear();
  adopted = new Set();
  owner = null;
  loaded = Promise.resolve();
  notify();
}

/** Reloads the user's live sessions from the server (what a reloaded page resumes). */
export async function refresh() {
  const mine = owner;
  let list;
  try {
    list = await api.get('/api/racks/user/active');
  } catch {
    return;  // offline: the sessions known so far stay; the next heartbeat tells
  }
  if (owner !== mine) return;
  for (const session of list) track(session);
  // A session remembered from before that neither the server lists nor this page knows ended meanwhile.
  for (const id of adopted) if (!sessions.has(id)) remember(id, false);
  beatAll();
}

const adoptedKey = () => `tandem.racks.adopted.${owner}`;

function remember(id, working) {
  if (working) adopted.add(id); else adopted.delete(id);
  if (owner !== null) localStorage.setItem(adoptedKey(), JSON.stringify([...adopted]));
}

/** This browser works on the session from now on: its heartbeat keeps the lease. */
export function adopt(id) {
  if (!isLive(id) || adopted.has(id)) return;
  remember(id, true);
  notify();
  beat(id);
}

export const isAdopted = (id) => adopted.has(id);

/**
 * Starts tracking a session (from a claim or the server's list); `ttl` is the server's remaining seconds, if known;
 * `adopt` (a claim made here) makes this browser keep its lease.
 */
export function track(session, ttl = null, { adopt: working = false } = {}) {
  // One entry object per session for its whole life: a heartbeat in flight holds it and updates it.
  let entry = sessions.get(session.id);
  if (entry?.end) return entry;
  if (!entry) {
    entry = { session: {}, ttl: null, at: now(), beating: false, unconfirmed: false, end: null };
    sessions.set(session.id, entry);
  }
  entry.session = { ...entry.session, ...session };
  if (ttl !== null) Object.assign(entry, { ttl, at: now() });
  if (working) remember(session.id, true);
  notify();
  if (entry.ttl === null && adopted.has(session.id)) beat(session.id);
  return entry;
}

export const get = (id) => sessions.get(id) || null;
export const live = () => [...sessions.values()].filter((entry) => !entry.end);
export const isLive = (id) => !!sessions.get(id) && !sessions.get(id).end;
export const ready = () => loaded;

/** Whole seconds of lease left by the last answer (null until one came), never below 0. */
export function remaining(id) {
  const entry = sessions.get(id);
  if (!entry || entry.ttl === null) return null;
  return Math.max(0, Math.ceil(entry.ttl - (now() - entry.at) / 1000));
}

export function onChange(listener) { listeners.add(listener); return () => listeners.delete(listener); }

/** Called with the entry when one of the user's sessions ends (lost, released or completed). */
export function onEnd(listener) { endListeners.add(listener); return () => endListeners.delete(listener); }

function end(id, end) {
  const entry = sessions.get(id);
  if (!entry || entry.end) return;
  entry.end = { at: new Date(), ...end };
  remember(id, false);
  notify();
  endListeners.forEach((listener) => listener(entry));
}

/** The server said the lease is gone: stop at once. `why`: heartbeat, sync, action, expired, released, taken. */
export function markLost(id, why, by = null) {
  if (!sessions.get(id) || sessions.get(id).end) return;
  end(id, { kind: 'lost', why, by });
  refresh();  // another live session of this user (another device) shows up
}

export async function beat(id) {
  const entry = sessions.get(id);
  if (!entry || entry.end || entry.beating) return;
  if (!navigator.onLine) { entry.unconfirmed = true; notify(); return; }
  entry.beating = true;
  try {
    const answer = await api.post(`/api/sessions/${encodeURIComponent(id)}/heartbeat`, { fencing_token: entry.session.fencing_token });
    if (sessions.get(id) !== entry || entry.end) return;
    Object.assign(entry, { ttl: answer.lock_ttl_remaining, at: now(), unconfirmed: false });
  } catch (error) {
    if (sessions.get(id) !== entry) return;
    if (leaseLost(error)) markLost(id, 'heartbeat');
    else entry.unconfirmed = true;  // offline or the server is away: the countdown goes on; the next beat tells
  } finally {
    entry.beating = false;
    notify();
  }
}

function beatAll() {
  if (document.hidden || !navigator.onLine) return;
  for (const entry of live()) if (adopted.has(entry.session.id)) beat(entry.session.id);
}

function schedule() {
  clearTimeout(timer);
  if (owner === null || document.hidden) return;
  timer = setTimeout(() => { beatAll(); schedule(); }, BEAT_MILLIS);
}

function beatNow() { beatAll(); schedule(); }

function onVisibility() {
  if (document.hidden) clearTimeout(timer); else beatNow();
}

// Only a later claim takes a rack over: its fencing token (the event's version) is larger. A replayed older claim
// (the stream resumes from the last event id it saw) says nothing about the session holding the rack now.
function onClaimed(event) {
  const taken = live().find((entry) => entry.session.rack_id === event.entity_id && entry.session.id !== event.details?.session_id
    && Number(event.version) > Number(entry.session.fencing_token));
  if (taken) markLost(taken.session.id, 'taken', event.by);
  if (event.user_id === owner && !sessions.has(event.details?.session_id)) refresh();  // claimed in another tab of mine
}

function onPausedOrResumed(event) {
  const entry = sessions.get(event.details?.session_id);
  if (!entry || entry.end) return;
  entry.session.status = event.details.status;
  if (adopted.has(entry.session.id)) beat(entry.session.id);
}

// --- what the holder does -------------------------------------------------------------------------------

/** Pauses or resumes; answers the session. Throws ApiError (the session is marked lost when the answer says so). */
export async function pauseOrResume(id, action) {
  const entry = sessions.get(id);
  try {
    const session = await api.post(`/api/racks/${encodeURIComponent(entry.session.rack_id)}/${action}`,
      { session_id: id, fencing_token: entry.session.fencing_token });
    entry.session = { ...entry.session, ...session };
    notify();
    await beat(id);  // the server's remaining time under the new state
    return session;
  } catch (error) {
    if (leaseLost(error)) markLost(id, 'action');
    throw error;
  }
}

/** Releases the rack ('release') or completes the session ('complete'); the session ends here. */
export async function finish(id, action) {
  const entry = sessions.get(id);
  entry.ending = true;
  try {
    const session = action === 'complete'
      ? await api.post(`/api/sessions/${encodeURIComponent(id)}/complete`)
      : await api.post(`/api/racks/${encodeURIComponent(entry.session.rack_id)}/release`, { session_id: id, fencing_token: entry.session.fencing_token });
    entry.session = { ...entry.session, ...session };
    end(id, { kind: 'completed', why: action });
    return session;
  } catch (error) {
    entry.ending = false;
    if (leaseLost(error)) markLost(id, 'action');
    throw error;
  }
}
