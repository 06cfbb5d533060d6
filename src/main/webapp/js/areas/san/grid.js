// One project's zones or aliases as a grid edited in place and saved at once through seed 000's bulk save
// (POST …/save {project_id, zones|aliases: [...]}). The server saves each item on its own: the answer lists the
// saved items (new versions) and, for a partial success, a problem+json (409 with a stale version among the
// failures, else 400) whose `details` say for each failed item (by its `index` in the request) why.
//
// The bulk save replaces all fields of an item, so each item is sent as loaded plus the user's changes, with
// the loaded version: an item someone else saved meanwhile is refused, never overwritten. "Refresh failed rows"
// loads those items as saved now and re-applies only the user's own changes; "Retry failed" sends only them.
import { h, announce, ago, debounce, recentlyChangedByOthers } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { user, isManager } from 'tandem/lib/auth.js';
import { BulkEdits, EditedRow, shortStatusOf, explanationOf, loadAll } from 'tandem/ui/bulk.js';
import { confirmDialog } from 'tandem/ui/dialog.js';

const capital = (text) => text[0].toUpperCase() + text.slice(1);

/** What a failed item's `details` entry says, in the shape BulkEdits wants. */
function failureOf(detail, names) {
  const errors = detail.errors || {};
  if (errors.current_version !== undefined) {
    return { reason: errors.version, conflict: { by: errors.last_modified_by, at: errors.last_modified_at, version: errors.current_version } };
  }
  const [field, message] = Object.entries(errors)[0] || ['item', 'Could not be saved.'];
  return { reason: typeof message === 'string' ? message : JSON.stringify(message), field: names.includes(field) ? field : null };
}

/**
 * `kind`: {noun, plural, path, entityType, fields: [{name, label, editor(row, change, label) → control, sync?}],
 * defaults(), sort(a, b), prepare(projectId, force) (lookups the editors use), watch: entity types that re-run
 * prepare}. Answers {element, destroy(), dirtyCount()}.
 */
export function sanGrid({ kind, projectId }) {
  const { noun, plural, path, entityType } = kind;
  const names = kind.fields.map((f) => f.name);
  const labelOf = (name) => kind.fields.find((f) => f.name === name)?.label || name;
  let newCount = 0;

  const edits = new BulkEdits({
    noun, plural, fields: names,
    send: async (rows) => {
      let saved; let details = [];
      try {
        saved = (await api.post(`${path}/save`, { project_id: projectId, [plural]: rows.map((r) => r.whole()) }))[plural];
      } catch (error) {
        // A partial success is a problem that still lists the saved items; anything else saved nothing.
        if (!Array.isArray(error.problem?.details) || !Array.isArray(error.problem[plural])) throw error;
        saved = error.problem[plural];
        details = error.problem.details;
      }
      const failedAt = new Map(details.map((d) => [d.index, d]));
      let next = 0;
      return rows.map((row, index) => (failedAt.has(index) ? { row, failed: failureOf(failedAt.get(index), names) }
        : { row, saved: saved[next++] }));
    },
    fetch: (row) => api.get(`${path}/${row.id}`),
    onRows: () => renderRows(),
    onRow: (row) => { decorate(row); edits.update(); },
  });

  const addButton = h('button', { type: 'button', onclick: () => addRow() }, `Add ${noun}`);
  const body = h('tbody');
  const head = h('tr', {}, kind.fields.map((f) => h('th', { scope: 'col' }, f.label)),
    h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')));
  const element = h('section', { class: 'san-grid', dataset: { kind: plural } },
    h('div', { class: 'toolbar' }, addButton, edits.buttons, edits.summary),
    h('div', { class: 'scroll' }, h('table', { class: 'data grid' },
      h('caption', { class: 'visually-hidden' }, `${capital(plural)} of the project`), h('thead', {}, head), body)));
  const change = (row, name, value) => edits.change(row, name, value);

  // ---- rendering -------------------------------------------------------------------------------------------
  const trs = new Map();   // row key → its <tr>
  const notes = new Map(); // row key → the cell under it that explains a failure

  function rowName(row) {
    if (row.isNew) { row.newNumber ??= ++newCount; return `new ${noun} ${row.newNumber}`; }
    return row.base.name;
  }

  function renderRows() {
    const active = document.activeElement;
    const focus = active && body.contains(active) ? active.dataset : null;
    trs.clear();
    notes.clear();
    body.replaceChildren(...edits.rows.flatMap(renderRow));
    if (!edits.rows.length) body.append(h('tr', {}, h('td', { colspan: names.length + 2, class: 'empty' }, `No ${plural} in this project yet.`)));
    edits.update();
    addButton.disabled = edits.busy;
    if (focus?.key) {
      body.querySelector(focus.field ? `[data-key="${focus.key}"][data-field="${focus.field}"]` : `[data-key="${focus.key}"][data-action="${focus.action}"]`)?.focus();
    }
  }

  function renderRow(row) {
    const statusId = `${row.key}-status`;
    const name = rowName(row);
    const controls = kind.fields.map((field) => {
      const control = field.editor(row, change, `${field.label} of ${name}`);
      control.dataset.key = row.key;
      control.dataset.field = field.name;
      control.setAttribute('aria-describedby', statusId);
      return h('td', { class: `edit edit-${field.name}` }, control);
    });
    const tr = h('tr', { dataset: { key: row.key, id: row.id ?? '' } },
      controls,
      h('td', { class: 'who' }),
      h('td', { class: 'actions' }, h('div', { class: 'stack' },
        h('button', { type: 'button', class: 'small', dataset: { key: row.key, action: 'undo' }, 'aria-label': `Undo changes of ${name}`, onclick: () => undo(row) }, 'Undo'),
        !row.isNew && isManager() ? h('button', { type: 'button', class: 'small danger', dataset: { key: row.key, action: 'delete' },
          'aria-label': `Delete ${name}`, onclick: () => remove(row) }, 'Delete') : null)));
    // Why a row failed goes right under it, across the whole width; the row's controls point to it.
    const note = h('td', { colspan: names.length + 2, id: statusId });
    const explanation = h('tr', { class: 'explanation', dataset: { key: row.key } }, note);
    trs.set(row.key, tr);
    notes.set(row.key, note);
    decorate(row);
    return [tr, explanation];
  }

  /** Updates a row's marks and status without rebuilding its controls (so typing keeps focus). */
  function decorate(row) {
    const tr = trs.get(row.key);
    if (!tr) return;
    tr.classList.toggle('dirty', row.dirty);
    tr.classList.toggle('failed', row.failed);
    for (const control of tr.querySelectorAll('[data-field]')) {
      const name = control.dataset.field;
      control.classList.toggle('changed', row.changed(name) && !row.isNew);
      if (row.failed && row.outcome.field === name) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      kind.fields.find((f) => f.name === name)?.sync?.(row, control);
    }
    const recent = !row.isNew && recentlyChangedByOthers(row.base, user());
    tr.querySelector('td.who').replaceChildren(row.isNew ? '' : h('span', {}, `${row.base.version} · ${row.base.last_modified_by ?? ''}`,
      ' ', h('small', { class: 'hint' }, h('time', { datetime: row.base.last_modified_at }, ago(row.base.last_modified_at))),
      recent ? h('span', { class: 'badge', title: 'Saved by someone else in the last five minutes' }, 'changed') : null),
    h('div', { class: 'short-status' }, shortStatusOf(row)));
    const explanation = explanationOf(row, labelOf);
    const note = notes.get(row.key);
    note.replaceChildren(explanation || '');
    note.parentElement.hidden = !explanation;
    tr.classList.toggle('explained', !!explanation);
    tr.querySelector('[data-action="undo"]').hidden = !row.dirty && !row.failed;
  }

  // ---- loading and live updates ----------------------------------------------------------------------------
  async function load() {
    edits.summary.textContent = `Loading ${plural}…`;
    try {
      const [list] = await Promise.all([loadAll(path, { project_id: projectId }), kind.prepare(projectId)]);
      edits.load(list.sort(kind.sort));
    } catch (error) {
      edits.summary.textContent = `The ${plural} could not be loaded: ${error.message}`;
    }
  }

  const liveMerge = debounce(() => {
    if (edits.busy) liveMerge();
    else loadAll(path, { project_id: projectId }).then((list) => edits.merge(list)).catch(() => {});
  }, 300);
  const livePrepare = debounce(() => kind.prepare(projectId, true).then(() => edits.rows.forEach(decorate)).catch(() => {}), 300);
  const onEvent = (e) => {
    if (e.entity_type === entityType) liveMerge();
    if (kind.watch?.includes(e.entity_type)) livePrepare();
  };
  // After a long disconnection (reset) the rows catch up like after any change: the user's edits stay.
  const unsubscribe = [events.on('entity.changed', onEvent), events.on('entity.deleted', onEvent),
    events.on('reset', () => { liveMerge(); livePrepare(); })];
  const ticker = setInterval(() => body.querySelectorAll('td.who time').forEach((t) => { t.textContent = ago(t.getAttribute('datetime')); }), 15_000);

  // ---- actions ---------------------------------------------------------------------------------------------
  function addRow() {
    const row = new EditedRow(null, names, kind.defaults());
    edits.add(row);
    trs.get(row.key)?.querySelector('[data-field]')?.focus();
  }

  function undo(row) {
    edits.undo(row);
    (trs.get(row.key)?.querySelector('[data-field]') || addButton).focus();
  }

  async function remove(row) {
    if (!await confirmDialog(`Delete ${noun}`, `Delete ${noun} “${row.base.name}” (version ${row.base.version})?`, 'Delete')) return;
    try {
      await api.del(`${path}/${row.id}`, { headers: { 'If-Match': `"${row.base.version}"` } });
      edits.remove(row);
      announce(`Deleted ${noun} ${row.base.name}.`, 'success');
    } catch (error) {
      announce(error.conflict ? `Not deleted: ${error.message}` : error.message, 'error');
    }
  }

  load();
  return {
    element,
    dirtyCount: () => edits.dirtyCount,
    destroy: () => { unsubscribe.forEach((u) => u()); clearInterval(ticker); },
  };
}
