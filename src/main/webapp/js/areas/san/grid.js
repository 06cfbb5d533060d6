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
import { EditedRow, shortStatusOf, explanationOf, loadAll } from 'tandem/ui/bulk.js';
import { confirmDialog } from 'tandem/ui/dialog.js';

/**
 * `kind`: {noun, plural, path, entityType, fields: [{name, label, editor(row, ctx, label) → control}],
 * defaults(), sort(a, b), prepare(projectId) → promise (lookups the editors use), watch: entity types that
 * should re-run prepare}. Answers {element, destroy(), dirtyCount()}.
 */
export function sanGrid({ kind, projectId }) {
  const { noun, plural, path, entityType } = kind;
  const names = kind.fields.map((f) => f.name);
  const labelOf = (name) => kind.fields.find((f) => f.name === name)?.label || name;
  let rows = [];
  let busy = false;
  let newCount = 0;

  const summary = h('span', { class: 'hint', role: 'status' });
  const addButton = h('button', { type: 'button', onclick: () => addRow() }, `Add ${noun}`);
  const saveButton = h('button', { type: 'button', class: 'primary', onclick: () => saveChanges() }, 'Save changes');
  const refreshButton = h('button', { type: 'button', onclick: () => refreshFailed() }, 'Refresh failed rows');
  const retryButton = h('button', { type: 'button', onclick: () => retryFailed() }, 'Retry failed');
  const discardButton = h('button', { type: 'button', onclick: () => discardAll() }, 'Discard changes');
  const body = h('tbody');
  const head = h('tr', {}, kind.fields.map((f) => h('th', { scope: 'col' }, f.label)),
    h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')));
  const element = h('section', { class: 'san-grid', dataset: { kind: plural } },
    h('div', { class: 'toolbar' }, addButton, saveButton, refreshButton, retryButton, discardButton, summary),
    h('div', { class: 'scroll' }, h('table', { class: 'data grid' },
      h('caption', { class: 'visually-hidden' }, `${plural[0].toUpperCase() + plural.slice(1)} of the project`), h('thead', {}, head), body)));

  const ctx = {
    change(row, name, value) { row.set(name, value); if (row.failed && row.outcome.field === name) row.outcome.field = null; decorate(row); toolbar(); },
    refreshRow: (row) => decorate(row),
  };

  // ---- rendering -------------------------------------------------------------------------------------------
  const trs = new Map();   // row key → its <tr>
  const notes = new Map(); // row key → the cell under it that explains a failure

  function rowName(row) {
    if (row.isNew) { row.newNumber ??= ++newCount; return `new ${noun} ${row.newNumber}`; }
    return row.base.name;
  }

  function renderRows() {
    const active = document.activeElement;
    const focus = active && body.contains(active) ? { key: active.dataset.key, field: active.dataset.field, action: active.dataset.action } : null;
    trs.clear();
    notes.clear();
    body.replaceChildren(...rows.flatMap(renderRow));
    if (!rows.length) body.append(h('tr', {}, h('td', { colspan: names.length + 2, class: 'empty' }, `No ${plural} in this project yet.`)));
    toolbar();
    if (focus) {
      const selector = focus.field ? `[data-key="${focus.key}"][data-field="${focus.field}"]` : `[data-key="${focus.key}"][data-action="${focus.action}"]`;
      body.querySelector(selector)?.focus();
    }
  }

  function renderRow(row) {
    const statusId = `${row.key}-status`;
    const name = rowName(row);
    const controls = kind.fields.map((field) => {
      const control = field.editor(row, ctx, `${field.label} of ${name}`);
      control.dataset.key = row.key;
      control.dataset.field = field.name;
      control.setAttribute('aria-describedby', statusId);
      return h('td', { class: `edit edit-${field.name}` }, control);
    });
    const tr = h('tr', { dataset: { key: row.key, id: row.id ?? '' } },
      controls,
      h('td', { class: 'who' }),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'small', dataset: { key: row.key, action: 'undo' }, 'aria-label': `Undo changes of ${name}`, onclick: () => undo(row) }, 'Undo'),
        !row.isNew && isManager() ? h('button', { type: 'button', class: 'small danger', dataset: { key: row.key, action: 'delete' },
          'aria-label': `Delete ${name}`, onclick: () => remove(row) }, 'Delete') : null));
    // Why a row failed goes right under it, across the whole width; the row's controls point to it.
    const note = h('td', { colspan: names.length + 2, id: statusId });
    const explanation = h('tr', { class: 'explanation', dataset: { key: row.key } }, note);
    trs.set(row.key, tr);
    notes.set(row.key, note);
    decorate(row, tr);
    return [tr, explanation];
  }

  /** Updates a row's marks and status without rebuilding its controls (so typing keeps focus). */
  function decorate(row, tr = trs.get(row.key)) {
    if (!tr) return;
    tr.classList.toggle('dirty', row.dirty);
    tr.classList.toggle('failed', row.failed);
    tr.classList.toggle('saved', row.outcome?.kind === 'saved' && !row.dirty);
    tr.classList.toggle('recent', !row.isNew && recentlyChangedByOthers(row.base, user()));
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

  function toolbar() {
    const dirty = rows.filter((r) => r.dirty && !r.stale).length;
    const stale = rows.filter((r) => r.stale).length;
    const failed = rows.filter((r) => r.failed).length;
    const retryable = rows.filter((r) => r.failed && !r.stale && r.dirty).length;
    saveButton.textContent = `Save changes (${dirty})`;
    saveButton.disabled = busy || dirty === 0;
    refreshButton.textContent = `Refresh failed rows (${stale})`;
    refreshButton.hidden = stale === 0;
    refreshButton.disabled = busy;
    retryButton.textContent = `Retry failed (${retryable})`;
    retryButton.hidden = failed === 0;
    retryButton.disabled = busy || retryable === 0;
    discardButton.hidden = !rows.some((r) => r.dirty || r.failed);
    discardButton.disabled = busy;
    addButton.disabled = busy;
    const parts = [`${rows.filter((r) => !r.isNew).length} ${plural}`];
    if (rows.some((r) => r.dirty)) parts.push(`${rows.filter((r) => r.dirty).length} not saved`);
    if (failed) parts.push(`${failed} failed`);
    summary.textContent = parts.join(' · ');
  }

  // ---- loading and live updates ----------------------------------------------------------------------------
  async function load() {
    summary.textContent = `Loading ${plural}…`;
    try {
      const [list] = await Promise.all([loadAll(path, { project_id: projectId }), kind.prepare(projectId)]);
      rows = list.sort(kind.sort).map((record) => new EditedRow(record, names));
      renderRows();
    } catch (error) {
      summary.textContent = `The ${plural} could not be loaded: ${error.message}`;
    }
  }

  /** Someone saved or deleted one of these: clean rows take the saved state, edited rows are told. */
  async function merge() {
    let list;
    try { list = await loadAll(path, { project_id: projectId }); } catch { return; }
    const byId = new Map(list.map((r) => [r.id, r]));
    const known = new Set();
    let changed = false;
    for (const row of [...rows]) {
      if (row.isNew) continue;
      known.add(row.id);
      const record = byId.get(row.id);
      if (!record) {
        if (!row.dirty) { rows.splice(rows.indexOf(row), 1); changed = true; }
        else if (!row.failed) { row.fail(`${noun[0].toUpperCase() + noun.slice(1)} was deleted by someone else.`); changed = true; }
        continue;
      }
      if (record.version <= row.base.version) continue;
      if (!row.dirty && !row.failed) { row.base = record; row.outcome = null; changed = true; }
      else if (!row.failed && row.meanwhile?.version !== record.version) {
        row.meanwhile = { by: record.last_modified_by, version: record.version };
        changed = true;
      }
    }
    for (const record of list) {
      if (!known.has(record.id)) { rows.push(new EditedRow(record, names)); changed = true; }
    }
    if (changed) renderRows();
  }

  const liveMerge = debounce(() => { if (!busy) merge(); }, 300);
  const livePrepare = debounce(() => kind.prepare(projectId, true).then(() => rows.forEach((r) => decorate(r))).catch(() => {}), 300);
  const unsubscribe = [
    events.on('entity.changed', (e) => { if (e.entity_type === entityType) liveMerge(); if (kind.watch?.includes(e.entity_type)) livePrepare(); }),
    events.on('entity.deleted', (e) => { if (e.entity_type === entityType) liveMerge(); if (kind.watch?.includes(e.entity_type)) livePrepare(); }),
  ];
  const ticker = setInterval(() => rows.forEach((r) => { const t = trs.get(r.key)?.querySelector('td.who time'); if (t) t.textContent = ago(t.getAttribute('datetime')); }), 15_000);

  // ---- actions ---------------------------------------------------------------------------------------------
  function addRow() {
    const row = new EditedRow(null, names, kind.defaults());
    rows.push(row);
    renderRows();
    trs.get(row.key)?.querySelector('[data-field]')?.focus();
  }

  async function undo(row) {
    if (row.isNew) rows.splice(rows.indexOf(row), 1);
    else row.discard();
    renderRows();
  }

  async function remove(row) {
    if (!await confirmDialog(`Delete ${noun}`, `Delete ${noun} “${row.base.name}” (version ${row.base.version})?`, 'Delete')) return;
    try {
      await api.del(`${path}/${row.id}`, { headers: { 'If-Match': `"${row.base.version}"` } });
      rows.splice(rows.indexOf(row), 1);
      renderRows();
      announce(`Deleted ${noun} ${row.base.name}.`, 'success');
    } catch (error) {
      announce(error.conflict ? `Not deleted: ${error.message}` : error.message, 'error');
    }
  }

  async function discardAll() {
    const count = rows.filter((r) => r.dirty || r.failed).length;
    if (!await confirmDialog('Discard changes', `Throw away your unsaved changes in ${count} ${count === 1 ? 'row' : 'rows'}?`, 'Discard')) return;
    rows = rows.filter((r) => !r.isNew);
    rows.forEach((r) => r.discard());
    renderRows();
    merge();
  }

  function saveChanges() {
    const skipped = rows.filter((r) => r.stale).length;
    if (skipped) announce(`${skipped} failed ${skipped === 1 ? 'row is' : 'rows are'} not sent again until refreshed (“Refresh failed rows”).`);
    return send(rows.filter((r) => r.dirty && !r.stale));
  }

  function retryFailed() {
    return send(rows.filter((r) => r.failed && !r.stale && r.dirty));
  }

  async function send(list) {
    if (!list.length) { announce('Nothing to save.'); return; }
    busy = true;
    toolbar();
    let saved; let details;
    try {
      const answer = await api.post(`${path}/save`, { project_id: projectId, [plural]: list.map((r) => r.whole()) });
      saved = answer[plural];
      details = [];
    } catch (error) {
      if (Array.isArray(error.problem?.details) && Array.isArray(error.problem[plural])) {
        saved = error.problem[plural];
        details = error.problem.details;
      } else {
        busy = false;
        toolbar();
        announce(`Nothing was saved: ${error.message}`, 'error');
        return;
      }
    }
    const failedAt = new Map(details.map((d) => [d.index, d]));
    let next = 0;
    list.forEach((row, index) => {
      const detail = failedAt.get(index);
      if (detail) failRow(row, detail);
      else if (saved[next]) row.accept(saved[next++]);
    });
    busy = false;
    renderRows();
    const ok = list.length - details.length;
    if (details.length) {
      announce(`${ok ? `Saved ${ok} ${ok === 1 ? noun : plural}; ` : ''}${details.length} not saved — each marked row says why.`, 'error');
    } else {
      announce(`Saved ${ok} ${ok === 1 ? noun : plural}.`, 'success');
    }
  }

  function failRow(row, detail) {
    const errors = detail.errors || {};
    if (errors.current_version !== undefined) {
      row.fail(errors.version, { conflict: { by: errors.last_modified_by, at: errors.last_modified_at, version: errors.current_version } });
      return;
    }
    const [field, message] = Object.entries(errors)[0] || ['item', 'Could not be saved.'];
    row.fail(typeof message === 'string' ? message : JSON.stringify(message), { field: names.includes(field) ? field : null });
  }

  async function refreshFailed() {
    const stale = rows.filter((r) => r.stale);
    busy = true;
    toolbar();
    let nothingLeft = 0;
    await Promise.all(stale.map(async (row) => {
      try {
        row.rebase(await api.get(`${path}/${row.id}`));
        if (!row.dirty) { row.outcome = null; nothingLeft += 1; }
      } catch (error) {
        row.fail(error.status === 404 ? `${noun[0].toUpperCase() + noun.slice(1)} was deleted by someone else.` : error.message);
      }
    }));
    busy = false;
    renderRows();
    announce(`Refreshed ${stale.length} ${stale.length === 1 ? 'row' : 'rows'} to the saved values with your changes re-applied${
      nothingLeft ? ` (${nothingLeft} had nothing of yours left to save)` : ''}. Check them, then press “Retry failed”.`);
    if (!retryButton.hidden && !retryButton.disabled) retryButton.focus();
  }

  load();
  return {
    element,
    dirtyCount: () => rows.filter((r) => r.dirty).length,
    destroy: () => { unsubscribe.forEach((u) => u()); clearInterval(ticker); },
  };
}
