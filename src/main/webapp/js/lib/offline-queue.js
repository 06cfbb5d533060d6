// The offline queue (seed 002): what a device captured waits in IndexedDB until the server has it, and is sent in
// batches with exponential backoff.
//
// Every record belongs to one user (and, for rack audits, to one session): a queue is opened for a user id and
// can neither read nor change anyone else's records, so the next person to sign in on a shared tablet sees none
// of them, and signing out loses nothing (the records wait for their owner). A record is either `queued` (to be
// sent) or `attention` (the server refused it, or it can no longer be sent; the user decides). Other tabs hear
// of every change through a BroadcastChannel.

const DATABASE = 'tandem.offline';
const STORE = 'records';
const channel = 'BroadcastChannel' in window ? new BroadcastChannel('tandem.offline-queue') : null;
const listeners = new Set();

export const BATCH_SIZE = 100;
export const FIRST_RETRY_MILLIS = 2_000;
export const MAX_RETRY_MILLIS = 300_000;

/** How long to wait after the n-th failure in a row: 2 s, doubling, at most 5 min. */
export const retryDelay = (failures) => Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS * 2 ** Math.max(0, failures - 1));

let opening = null;

function database() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      // The auto-incremented key keeps the order in which records were captured.
      const store = request.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
      store.createIndex('user', 'user_id');
      store.createIndex('user_session', ['user_id', 'session_id']);
      store.createIndex('client_record_id', 'client_record_id', { unique: true });
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => { db.close(); opening = null; };
      resolve(db);
    };
    request.onerror = () => { opening = null; reject(request.error); };
  });
  return opening;
}

/**
 * Runs `work(store, result)` in one transaction and answers `result.value` once it committed (a request that
 * `work` returns sets it to its result).
 */
async function transaction(mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = { value: undefined };
    const request = work(tx.objectStore(STORE), result);
    if (request instanceof IDBRequest) request.onsuccess = () => { result.value = request.result; };
    tx.oncomplete = () => resolve(result.value);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('The offline queue could not be written.'));
  });
}

function changed(userId) {
  listeners.forEach((listener) => listener(userId));
  channel?.postMessage({ user_id: userId });
}
channel?.addEventListener('message', (event) => listeners.forEach((listener) => listener(event.data?.user_id)));

/**
 * The queue of one user. Answers {userId, add, records, queued, attention, update, remove, onChange}; every
 * method touches only this user's records.
 */
export function queueFor(userId) {
  if (userId === null || userId === undefined) throw new Error('An offline queue belongs to a signed-in user.');
  const mine = (record) => record && record.user_id === userId;

  async function records() {
    const all = await transaction('readonly', (store) => store.index('user').getAll(IDBKeyRange.only(userId)));
    return all.filter(mine).sort((a, b) => a.seq - b.seq);
  }

  return {
    userId,

    /** Stores a new record as queued; answers it with its `seq`. */
    async add(record) {
      const stored = { ...record, user_id: userId, state: 'queued', queued_at: new Date().toISOString() };
      delete stored.seq;
      const seq = await transaction('readwrite', (store) => store.add(stored));
      changed(userId);
      return { ...stored, seq };
    },

    records,

    /** Queued records in the order they were captured, optionally of one session only. */
    async queued(sessionId) {
      return (await records()).filter((r) => r.state === 'queued' && (sessionId === undefined || r.session_id === sessionId));
    },

    async attention() { return (await records()).filter((r) => r.state === 'attention'); },

    /**
     * Merges `changes` into each record that still exists and is this user's (`changesFor(record)` may answer
     * per-record changes, or null to leave it); answers how many were changed.
     */
    async update(seqs, changesFor) {
      const count = await transaction('readwrite', (store, result) => {
        result.value = 0;
        for (const seq of seqs) {
          const request = store.get(seq);
          request.onsuccess = () => {
            const record = request.result;
            if (!mine(record)) return;
            const changes = typeof changesFor === 'function' ? changesFor(record) : changesFor;
            if (!changes) return;
            store.put({ ...record, ...changes, seq: record.seq, user_id: userId });
            result.value += 1;
          };
        }
      });
      if (count) changed(userId);
      return count;
    },

    /** Deletes the records (only this user's). */
    async remove(seqs) {
      await transaction('readwrite', (store) => {
        for (const seq of seqs) {
          const request = store.get(seq);
          request.onsuccess = () => { if (mine(request.result)) store.delete(seq); };
        }
      });
      changed(userId);
    },

    /** Calls `listener()` whenever this user's records change, in this tab or another; answers an unsubscribe. */
    onChange(listener) {
      const filtered = (who) => { if (who === userId) listener(); };
      listeners.add(filtered);
      return () => listeners.delete(filtered);
    },
  };
}

/**
 * Sends queued records in batches until none are left, one sender at a time across this browser's tabs (a Web
 * Lock named `lockName`). `next()` answers the next batch (at most BATCH_SIZE records; [] when done), `count()` how
 * many wait, `send(batch)` delivers it and must take every record of it out of the queue, or throw. A throw waits retryDelay(failures)
 * and tries again; going back online tries at once. `onState` hears {syncing, sent, total, failures, retryAt,
 * error, waiting} for a progress bar. Answers {kick() (sync now), stop()}.
 */
export function syncLoop({ lockName, next, count, send, onState }) {
  const state = { syncing: false, sent: 0, total: 0, failures: 0, retryAt: null, error: null, waiting: 0 };
  let timer = null;
  let running = null;
  let again = false;
  let stopped = false;
  const publish = () => { if (!stopped) onState?.({ ...state }); };

  async function drain() {
    if (stopped) return;
    state.waiting = await count();
    if (!state.waiting) { publish(); return; }
    if (!navigator.onLine) { publish(); return; }  // the 'online' event starts the next attempt
    Object.assign(state, { syncing: true, sent: 0, total: state.waiting, retryAt: null });
    publish();
    try {
      for (;;) {
        if (stopped) return;
        const batch = await next();
        if (!batch.length) break;
        await send(batch);
        state.sent += batch.length;
        state.failures = 0;
        state.error = null;
        state.waiting = await count();
        state.total = Math.max(state.total, state.sent + state.waiting);
        publish();
      }
    } catch (error) {
      state.failures += 1;
      state.error = error;
      const wait = retryDelay(state.failures);
      state.retryAt = Date.now() + wait;
      clearTimeout(timer);
      timer = setTimeout(() => kick(false), wait);
    } finally {
      state.syncing = false;
      state.waiting = await count().catch(() => state.waiting);
      publish();
    }
  }

  /** Sends now. `fresh` (the user asked, or the network came back) forgets the failures so far. */
  function kick(fresh = true) {
    if (stopped) return Promise.resolve();
    if (fresh) state.failures = 0;
    clearTimeout(timer);
    state.retryAt = null;
    if (running) { again = true; return running; }
    const run = () => drain();
    running = (navigator.locks ? navigator.locks.request(lockName, run) : run())
      .catch((error) => { state.error = error; publish(); })
      .finally(() => {
        running = null;
        // Asked again while sending: go on now, unless that run failed (its scheduled retry is the next run).
        const next = again && !stopped && !state.retryAt;
        again = false;
        if (next) kick(false);
      });
    return running;
  }

  const online = () => kick(true);
  window.addEventListener('online', online);
  return {
    kick,
    stop() {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', online);
    },
  };
}
