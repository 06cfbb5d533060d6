// The live change stream (SSE). One connection per tab; screens subscribe to event types.
//
// EventSource cannot send an Authorization header, so every connection starts with a single-use ticket; for
// the same reason EventSource's own reconnect (which reuses the URL) is never used: on any error the stream
// is closed and reopened with a new ticket and the last event id, so nothing in between is missed. After a
// server restart this keeps trying with growing pauses until the server is back.
import { post, onConnectivity } from './api.js';

const handlers = new Map();
const stateListeners = new Set();
const TYPES = ['entity.changed', 'entity.deleted', 'presence.active', 'rack.claimed', 'rack.released',
  'rack.paused', 'rack.resumed', 'rack.lease_expired', 'reset'];
let source = null;
let lastEventId = null;
let retryMillis = 3000;
let failures = 0;
let timer = null;
let running = false;
let connected = false;
let connecting = false;

/** Calls `handler(data)` for each event of `type` ('*' for all); answers a function that unsubscribes. */
export function on(type, handler) {
  if (!handlers.has(type)) handlers.set(type, new Set());
  handlers.get(type).add(handler);
  return () => handlers.get(type).delete(handler);
}

/** Called with true while the stream is connected (the live dot). */
export function onState(listener) { stateListeners.add(listener); listener(connected); return () => stateListeners.delete(listener); }

function setConnected(value) { connected = value; stateListeners.forEach((l) => l(value)); }

function dispatch(type, data) {
  for (const key of [type, '*']) handlers.get(key)?.forEach((handler) => {
    try { handler(data, type); } catch (e) { console.error(e); }
  });
}

export function start() {
  if (running) return;
  running = true;
  connect();
}

export function stop() {
  running = false;
  clearTimeout(timer);
  source?.close();
  source = null;
  lastEventId = null;
  setConnected(false);
}

async function connect() {
  clearTimeout(timer);
  if (!running || connecting || source) return;
  connecting = true;
  let ticket;
  try {
    ticket = (await post('/api/events/ticket')).ticket;
  } catch {
    return later();
  } finally {
    connecting = false;
  }
  if (!running || source) return;
  const resume = lastEventId ? `&last_event_id=${encodeURIComponent(lastEventId)}` : '';
  source = new EventSource(`/api/events?ticket=${encodeURIComponent(ticket)}${resume}`);
  source.onopen = () => { failures = 0; setConnected(true); };
  source.onerror = () => { source?.close(); source = null; setConnected(false); later(); };
  source.addEventListener('stream.opened', (e) => {
    remember(e);
    const data = JSON.parse(e.data);
    if (data.retry) retryMillis = data.retry;
  });
  for (const type of TYPES) {
    source.addEventListener(type, (e) => { remember(e); dispatch(type, e.data ? JSON.parse(e.data) : {}); });
  }
}

function remember(event) { if (event.lastEventId) lastEventId = event.lastEventId; }

// Waits the server's retry time, doubling after each failure up to a minute, with some jitter so that many
// clients do not all return at the same instant after a restart.
function later() {
  if (!running) return;
  failures += 1;
  const pause = Math.min(60_000, retryMillis * 2 ** Math.min(failures - 1, 5)) * (0.8 + Math.random() * 0.4);
  timer = setTimeout(connect, pause);
}

// Back online, the server answering again, or back in view: try now rather than at the end of a long pause.
window.addEventListener('online', () => { if (running) connect(); });
onConnectivity((up) => { if (up && running) connect(); });
document.addEventListener('visibilitychange', () => { if (running && !document.hidden) connect(); });
