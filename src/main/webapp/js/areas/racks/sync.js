// Scans of rack audits: into the signed-in user's offline queue first, then to POST /api/sync/batch.
//
// Each record carries the session id and fencing token it was scanned under, so it can only ever count for that
// claim: when the lease is lost, the session's unsent records go to "needs attention" and are never sent under a
// later claim, not even the same user's of the same rack. A record is sent once; if the answer is lost it is
// sent again with the same client_record_id, which the server answers with the first outcome (never twice).
import * as api from 'tandem/lib/api.js';
import * as auth from 'tandem/lib/auth.js';
import { uuid } from 'tandem/lib/dom.js';
import { queueFor, syncLoop, BATCH_SIZE } from 'tandem/lib/offline-queue.js';
import * as leases from './leases.js';

let current = null;

/** Statuses the server accepts for a record; a scan is verified, or damaged when it counts damage. */

/** The sync of the signed-in user's queue (one per browser tab; a new one after another user signs in). */
export function syncFor(user) {
  if (current && current.userId === user.id) return current;
  current?.stop();
  current = createSync(user.id);
  return current;
}

const retryable = (error) => error.offline || error.status >= 500 || [401, 408, 429].includes(error.status);

const wire = (r) => ({ client_record_id: r.client_record_id, session_id: r.session_id, fencing_token: r.fencing_token,
  item_code: r.item_code, verified_qty: r.verified_qty, damage_qty: r.damage_qty, serial_numbers: r.serial_numbers,
  status: r.status, created_at: r.created_at, updated_at: r.updated_at });

function createSync(userId) {
  const queue = queueFor(userId);
  const listeners = new Set();
  const syncedListeners = new Set();
  let state = { syncing: false, sent: 0, total: 0, failures: 0, retryAt: null, error: null, waiting: 0 };
  const notify = () => listeners.forEach((listener) => listener(state));

  async function send(batch) {
    let answer;
    try {
      answer = await api.post('/api/sync/batch', { records: batch.map(wire) });
    } catch (error) {
      if (retryable(error)) throw error;
      // Refused as a whole for a reason sending again cannot mend: the user sees the records and the reason.
      await queue.update(batch.map((r) => r.seq), { state: 'attention', problem: { kind: 'rejected', reason: error.message } });
      return;
    }
    const results = new Map(answer.results.map((result) => [result.client_record_id, result]));
    const accepted = [];
    const refused = new Map();
    const lost = new Set();
    const synced = new Set();
    for (const record of batch) {
      const result = results.get(record.client_record_id);
      if (!result) continue;
      const status = result.status === 'duplicate' ? result.first_status : result.status;
      if (status === 'accepted') {
        accepted.push(record.seq);
        synced.add(record.session_id);
      } else if (status === 'conflict') {
        refused.set(record.seq, { kind: 'conflict', reason: result.reason, server_record: result.server_record });
      } else if (result.reason === 'lease_lost') {
        refused.set(record.seq, { kind: 'lease_lost', reason: 'The lease of this session was lost before the record reached the server.' });
        lost.add(record.session_id);
      } else {
        refused.set(record.seq, { kind: 'rejected', reason: result.reason || 'Refused by the server.' });
      }
    }
    await queue.remove(accepted);
    await queue.update([...refused.keys()], (record) => ({ state: 'attention', problem: refused.get(record.seq) }));
    lost.forEach((id) => leases.markLost(id, 'sync'));
    if (synced.size) syncedListeners.forEach((listener) => listener(synced));
    if (accepted.length + refused.size < batch.length) throw new Error('The server did not answer for every record; they are sent again.');
  }

  const loop = syncLoop({
    lockName: `tandem.sync.${userId}`,
    next: async () => (await queue.queued()).slice(0, BATCH_SIZE),
    count: async () => (await queue.queued()).length,
    send,
    onState: (next) => { state = next; notify(); },
  });

  // A session that ended leaves nothing queued behind: its unsent records wait for the user's decision.
  const stopEnds = leases.onEnd(async (entry) => {
    const left = await queue.queued(entry.session.id);
    if (!left.length) return;
    const reason = entry.end.kind === 'lost'
      ? `The lease on rack ${entry.session.rack_id} was lost before this record reached the server.`
      : `The session on rack ${entry.session.rack_id} ended before this record reached the server.`;
    await queue.update(left.map((r) => r.seq), (record) => (record.state === 'queued'
      ? { state: 'attention', problem: { kind: entry.end.kind === 'lost' ? 'lease_lost' : 'session_ended', reason } } : null));
  });
  const stopQueue = queue.onChange(() => notify());
  const stopAuth = auth.onChange((user) => { if (user?.id !== userId) sync.stop(); });
  let stopped = false;

  const sync = {
    userId,
    queue,
    state: () => state,

    /** Queues one scan for `session` and sends it as soon as it can. */
    async scan(session, values) {
      const at = new Date().toISOString();
      const record = await queue.add({ client_record_id: uuid(), session_id: session.id, fencing_token: session.fencing_token,
        rack_id: session.rack_id, floor: session.floor, created_at: at, updated_at: at, ...values });
      sync.soon();
      return record;
    },

    /** Queues a corrected copy of a record that needs attention (a new client_record_id) and drops the old one. */
    async requeue(record, values, session) {
      const at = new Date().toISOString();
      const copy = { ...record, ...values, client_record_id: uuid(), session_id: session.id, fencing_token: session.fencing_token,
        rack_id: session.rack_id, floor: session.floor, created_at: at, updated_at: at };
      delete copy.problem;
      delete copy.seq;
      await queue.add(copy);
      await queue.remove([record.seq]);
      sync.soon();
    },

    discard: (record) => queue.remove([record.seq]),

    /** Sends now (the user asked, or the network returned): forgets the backoff. */
    now: () => loop.kick(true),

    /** Sends soon, unless a retry after a failure is already scheduled (then the record goes with it). */
    soon() { if (!state.retryAt) loop.kick(false); },

    onChange(listener) { listeners.add(listener); return () => listeners.delete(listener); },

    /** Called with the set of session ids some of whose records the server just accepted. */
    onSynced(listener) { syncedListeners.add(listener); return () => syncedListeners.delete(listener); },

    stop() {
      if (stopped) return;
      stopped = true;
      loop.stop();
      stopEnds();
      stopQueue();
      stopAuth();
      listeners.clear();
      syncedListeners.clear();
      if (current === sync) current = null;
    },
  };
  sync.soon();
  return sync;
}
