// Approving and rejecting, exactly once (seed 003): a queue of items waiting for a manager. Two managers may
// press Approve on the same item at once; the server lets one win and tells the other who was first, and this
// queue says so in that row ("Already approved by maria at …") instead of a bare error. Rows decided here or
// elsewhere stay in place with their outcome until the list is refreshed, so nobody loses track of what they did.
import { h, announce, dateTime, debounce } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { user } from 'tandem/lib/auth.js';

const past = { APPROVED: 'approved', REJECTED: 'rejected', CANCELLED: 'cancelled', SUBMITTED: 'submitted', PENDING: 'pending', DRAFT: 'a draft' };
export const pastTense = (status) => past[status] ?? String(status).toLowerCase();

/** "Already approved by maria at 25/11/2026, 12:31:05." from a 409's problem (current_status, decided_by, decided_at). */
export function alreadyDecided(problem) {
  if (!problem?.decided_by) return null;
  return `Already ${pastTense(problem.current_status)} by ${problem.decided_by} at ${dateTime(problem.decided_at)}.`;
}

/**
 * Options: caption; load() → items waiting (array); idOf(item); entityType (the change stream's name, e.g.
 * 'leave_request'); waiting (the status of an undecided item, e.g. 'PENDING'); columns [{label, render(item)}];
 * verbs [{action: 'approve', label: 'Approve', done: 'approved', primary}]; post(item, action) → promise;
 * describe(item) → words for messages and labels ("annual leave of Jo Baker, 21–22 Dec");
 * mine(item) → true for the manager's own (not theirs to decide); failure(error, item) → text for a refusal that
 * is not someone else's decision (e.g. an insufficient balance), or null for the error's own message.
 * Answers {element, reload(), destroy()}.
 */
export function decisionQueue(options) {
  const { caption, load, idOf, entityType, waiting, columns, verbs, post, describe, mine = () => false,
    failure = () => null } = options;
  const rows = new Map();  // id → {item, outcome: {kind, text} | null, error, busy}
  const body = h('tbody');
  const count = h('span', { class: 'hint', role: 'status' });
  const refresh = h('button', { type: 'button', class: 'small', onclick: () => reload(true) }, 'Refresh');
  const element = h('div', { class: 'decision-queue' },
    h('div', { class: 'toolbar' }, refresh, count),
    h('div', { class: 'scroll' }, h('table', { class: 'data' }, h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)), h('th', { scope: 'col' }, 'Decision'))),
      body)));

  /** Fetches what waits now; rows decided meanwhile stay (with their outcome) unless `clear` drops them. */
  async function reload(clear = false) {
    let items;
    try {
      items = await load();
    } catch (error) {
      count.textContent = error.message;
      return;
    }
    const fresh = new Map(items.map((item) => [idOf(item), item]));
    for (const [id, row] of rows) {
      if (fresh.has(id)) continue;
      if (clear || !row.outcome) rows.delete(id);
    }
    for (const [id, item] of fresh) {
      const row = rows.get(id);
      if (row) row.item = item; else rows.set(id, { item, outcome: null, error: null, busy: false });
    }
    render();
  }

  function render() {
    // A live update must not pull the keyboard focus out of the row the user is in.
    const active = body.contains(document.activeElement) ? document.activeElement : null;
    const focusRow = active?.closest('tr')?.dataset.id;
    const focusText = active?.textContent;
    const ordered = [...rows.entries()].sort(([a], [b]) => a - b);
    body.replaceChildren(...ordered.map(([id, row]) => rowElement(id, row)));
    if (active) [...body.querySelectorAll(`tr[data-id="${focusRow}"] button`)].find((b) => b.textContent === focusText)?.focus();
    if (!ordered.length) body.append(h('tr', {}, h('td', { colspan: columns.length + 1, class: 'empty' }, 'Nothing waits for a decision.')));
    const open = ordered.filter(([, r]) => !r.outcome).length;
    count.textContent = `${open} waiting`;
  }

  function rowElement(id, row) {
    const tr = h('tr', { dataset: { id }, class: row.outcome ? `decided ${row.outcome.kind}` : '' },
      columns.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c.render(row.item)) : h('td', {}, c.render(row.item)))),
      h('td', { class: 'decision' }, decisionCell(row)));
    return tr;
  }

  function decisionCell(row) {
    if (row.outcome) return h('p', { class: `outcome ${row.outcome.kind}`, tabindex: '-1' }, row.outcome.text);
    if (mine(row.item)) return h('p', { class: 'hint' }, 'Your own — another manager decides it.');
    return [
      h('div', { class: 'actions' }, verbs.map((verb) => h('button', { type: 'button', class: `small ${verb.primary ? 'primary' : ''}`,
        disabled: row.busy, 'aria-label': `${verb.label} ${describe(row.item)}`, onclick: () => decide(row, verb) }, verb.label))),
      row.error ? h('p', { class: 'field-error' }, row.error) : null,
    ];
  }

  async function decide(row, verb) {
    if (row.busy || row.outcome) return;
    row.busy = true;
    row.error = null;
    render();
    try {
      await post(row.item, verb.action);
      row.outcome = { kind: 'mine', text: `${capitalised(verb.done)} by you at ${dateTime(new Date().toISOString())}.` };
      announce(`${capitalised(verb.done)}: ${describe(row.item)}.`, 'success');
    } catch (error) {
      const first = error.status === 409 ? alreadyDecided(error.problem) : null;
      if (first) {
        row.outcome = { kind: 'other', text: first };
        announce(`Not ${verb.done}: ${describe(row.item)}. ${first}`, 'error');
      } else {
        row.error = failure(error, row.item) || error.message;
        announce(`Not ${verb.done}: ${row.error}`, 'error');
      }
    } finally {
      row.busy = false;
      render();
      body.querySelector(`tr[data-id="${idOf(row.item)}"] button, tr[data-id="${idOf(row.item)}"] .outcome`)?.focus?.();
    }
  }

  // Live: an item decided elsewhere shows who did it at once; a new one waiting appears by itself.
  const later = debounce(() => reload(), 300);
  const stop = [
    events.on('entity.changed', (event) => {
      if (event.entity_type !== entityType) return;
      const row = rows.get(Number(event.entity_id));
      const status = event.details?.status;
      if (row && !row.outcome && !row.busy && status && status !== waiting) {
        const who = event.user_id === user()?.id ? 'you (in another window)' : event.by;
        row.outcome = { kind: event.user_id === user()?.id ? 'mine' : 'other',
          text: `${capitalised(pastTense(status))} by ${who} at ${dateTime(event.at)}.` };
        render();
      } else if (!row && status === waiting) {
        later();
      }
    }),
    events.on('reset', () => later()),
  ];
  reload();
  return { element, reload, destroy: () => stop.forEach((s) => s()) };
}

const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
