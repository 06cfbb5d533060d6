// The resource-assignment calendar (seed 004, task 11): resources × weeks. Each assignment is a row under its
// resource; its project, dates and allocation are edited in place, and a week cell books or frees that week.
// The changed assignments are saved together through POST /api/portfolio/resource-assignments/bulk, which
// answers 200 {succeeded: [{id, version}], failed: [{id, error, current_state}]}: every row then says whether it
// was saved, and why not. The bulk API replaces all fields, so each item is the assignment as loaded plus the
// user's changes, with the loaded version; a stale one is refused, refreshed on request (own changes
// re-applied), and retried alone.
import { h, announce, ago, debounce, recentlyChangedByOthers } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { user } from 'tandem/lib/auth.js';
import { BulkEdits, shortStatusOf, explanationOf, loadAll } from 'tandem/ui/bulk.js';
import { createRecord } from 'tandem/ui/editor.js';
import { weeks, overlaps, toggleWeek, mondayOf, today, isIsoDate, addDays } from './weeks.js';
import { SECTIONS } from './sections.js';

const PATH = '/api/portfolio/resource-assignments';
const FIELDS = ['resource_id', 'project_id', 'start_date', 'end_date', 'allocation_percent'];
const LABELS = { resource_id: 'Resource', project_id: 'Project', start_date: 'Start', end_date: 'End', allocation_percent: 'Allocation %' };
const SPANS = [4, 6, 8, 12, 26];

/** What the bulk answer says about each row sent (`items` as they were sent). */
function results(rows, items, answer) {
  const me = user();
  const succeeded = new Map(answer.succeeded.map((s) => [s.id, s]));
  const failed = new Map(answer.failed.map((f) => [f.id, f]));
  return rows.map((row, index) => {
    const ok = succeeded.get(row.id);
    if (ok) {
      return { row, saved: { ...row.base, ...items[index], version: ok.version, last_modified_by: me?.username,
        last_modified_by_id: me?.id, last_modified_at: new Date().toISOString() } };
    }
    const failure = failed.get(row.id);
    if (!failure) return { row, failed: { reason: 'The server did not answer for this assignment; refresh the page to see its state.' } };
    const current = failure.current_state;
    if (failure.error === 'conflict') {
      return { row, failed: { reason: 'conflict', conflict: { by: current?.last_modified_by, at: current?.last_modified_at, version: current?.version } } };
    }
    return { row, failed: { reason: failure.error, field: FIELDS.find((f) => failure.error?.startsWith(f)) ?? null } };
  });
}

/** Renders the calendar into `panel`; `params` [from, weeks, project id] come from the address. */
export function renderCalendar(panel, params, onState) {
  const state = {
    from: mondayOf(isIsoDate(params[0]) ? params[0] : today()),
    span: SPANS.includes(Number(params[1])) ? Number(params[1]) : 6,
    free: false,
    project: /^\d+$/.test(params[2] || '') ? params[2] : '',
  };
  let resources = [];
  let projects = [];
  const projectName = (id) => projects.find((p) => p.id === id)?.name ?? `#${id}`;
  const resourceName = (id) => resources.find((r) => r.id === id)?.name ?? `#${id}`;
  const rowName = (row) => `${resourceName(row.base.resource_id)} on ${projectName(row.base.project_id)} from ${row.base.start_date}`;

  const edits = new BulkEdits({
    noun: 'assignment', plural: 'assignments', fields: FIELDS,
    send: async (rows) => {
      const items = rows.map((r) => r.whole());
      return results(rows, items, await api.post(`${PATH}/bulk`, { updates: items }));
    },
    fetch: (row) => api.get(`${PATH}/${row.id}`),
    onRows: () => render(),
    onRow: (row) => { decorate(row); totals(row.base.resource_id); edits.update(); },
    shown: (row) => parts.has(row.key),
  });

  // ---- the controls above the calendar ----------------------------------------------------------------------
  const fromInput = h('input', { type: 'date', id: 'calendar-from', value: state.from,
    onchange: () => { if (isIsoDate(fromInput.value)) { state.from = mondayOf(fromInput.value); changedView(); } } });
  const spanSelect = h('select', { id: 'calendar-weeks', onchange: () => { state.span = Number(spanSelect.value); changedView(); } },
    SPANS.map((n) => h('option', { value: String(n), selected: n === state.span }, `${n} weeks`)));
  const projectSelect = h('select', { id: 'calendar-project', onchange: () => { state.project = projectSelect.value; changedView(); } });
  const shift = (weeksBy) => { state.from = addDays(state.from, 7 * weeksBy); changedView(); };
  const freeBox = h('input', { type: 'checkbox', id: 'calendar-free', onchange: () => { state.free = freeBox.checked; render(); } });
  const newButton = h('button', { type: 'button', onclick: () => newAssignment() }, 'New assignment');
  const head = h('thead');
  const table = h('table', { class: 'data grid calendar' }, h('caption', { class: 'visually-hidden' }, 'Resource assignments by week'), head);
  panel.append(
    h('p', { class: 'hint' }, 'Change a project, dates or allocation, or press a week to book or free it; then save all changes at once. '
      + 'Each row says whether it was saved. Rows someone else saved meanwhile are not overwritten: refresh them, check, and retry.'),
    h('div', { class: 'toolbar calendar-view' },
      h('div', { class: 'field' }, h('label', { for: 'calendar-from' }, 'Weeks from'), fromInput),
      h('div', { class: 'field' }, h('label', { for: 'calendar-weeks' }, 'Show'), spanSelect),
      h('div', { class: 'field' }, h('label', { for: 'calendar-project' }, 'Project'), projectSelect),
      h('div', { class: 'field check' }, h('label', { for: 'calendar-free' }, 'Also resources with nothing booked'), freeBox),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', onclick: () => shift(-state.span) }, 'Earlier'),
        h('button', { type: 'button', onclick: () => { state.from = mondayOf(today()); changedView(); } }, 'This week'),
        h('button', { type: 'button', onclick: () => shift(state.span) }, 'Later'))),
    h('div', { class: 'toolbar' }, edits.buttons, newButton, edits.summary),
    h('div', { class: 'scroll' }, table));

  function changedView() {
    fromInput.value = state.from;
    onState?.([state.from, String(state.span), state.project].filter(Boolean));
    render();
  }

  // ---- rendering ---------------------------------------------------------------------------------------------
  const parts = new Map(); // row key → {tr, note, controls}
  const groups = new Map(); // resource id → its group row's week cells
  let shown = [];

  const visible = (row) => (!state.project || row.value('project_id') === Number(state.project))
    && (shown.some((w) => overlaps(row.value('start_date'), row.value('end_date'), w)) || row.dirty || row.failed || row.outcome);

  function render() {
    const active = document.activeElement;
    const focus = active && table.contains(active) ? { ...active.dataset } : null;
    shown = weeks(state.from, state.span);
    parts.clear();
    groups.clear();
    head.replaceChildren(h('tr', {}, h('th', { scope: 'col' }, 'Project, allocation'), h('th', { scope: 'col' }, 'Start, end'),
      shown.map((w) => h('th', { scope: 'col', class: 'week' }, h('abbr', { title: `Week of ${w.start}` }, w.label))),
      h('th', { scope: 'col' }, 'Version')));
    for (const body of [...table.tBodies]) body.remove();
    const width = 3 + shown.length;
    for (const resource of resources) {
      const rows = edits.rows.filter((r) => r.base.resource_id === resource.id && visible(r))
        .sort((a, b) => (a.base.start_date < b.base.start_date ? -1 : 1));
      if (!rows.length && (state.project || !state.free)) continue;
      const cells = shown.map((w) => h('td', { class: 'load', dataset: { week: w.start } }));
      groups.set(resource.id, cells);
      const body = h('tbody', { dataset: { resource: resource.id } },
        h('tr', { class: 'group' }, h('th', { scope: 'rowgroup', colspan: 2 }, resource.name,
          h('small', {}, ` ${resource.kind} · ${resource.capacity_hours_per_week ?? '—'} h a week`)), cells, h('td')),
        rows.length ? rows.flatMap(renderRow) : h('tr', {}, h('td', { colspan: width, class: 'empty' }, 'Nothing booked in these weeks.')));
      table.append(body);
      totals(resource.id);
    }
    if (!table.tBodies.length) {
      table.append(h('tbody', {}, h('tr', {}, h('td', { colspan: width, class: 'empty' },
        resources.length ? 'Nothing booked in these weeks.' : 'No resources yet: add them in “Resources”.'))));
    }
    edits.update();
    newButton.disabled = edits.busy;
    if (focus?.key) {
      const selector = focus.field ? `[data-key="${focus.key}"][data-field="${focus.field}"]`
        : focus.week ? `[data-key="${focus.key}"][data-week="${focus.week}"]` : null;
      if (selector) table.querySelector(selector)?.focus();
    }
  }

  function renderRow(row) {
    const name = rowName(row);
    const statusId = `${row.key}-status`;
    const described = { 'aria-describedby': statusId, dataset: { key: row.key } };
    const project = h('select', { ...described, 'aria-label': `Project of ${name}`,
      onchange: () => edits.change(row, 'project_id', Number(project.value)) },
    projects.map((p) => h('option', { value: String(p.id) }, p.name)));
    const start = h('input', { ...described, type: 'date', 'aria-label': `Start of ${name}`,
      onchange: () => edits.change(row, 'start_date', start.value || null) });
    const end = h('input', { ...described, type: 'date', 'aria-label': `End of ${name}`,
      onchange: () => edits.change(row, 'end_date', end.value || null) });
    const percent = h('input', { ...described, type: 'number', min: 1, max: 100, step: 1, 'aria-label': `Allocation % of ${name}`,
      oninput: () => edits.change(row, 'allocation_percent', percent.value === '' ? null : Number(percent.value)) });
    const controls = { project_id: project, start_date: start, end_date: end, allocation_percent: percent };
    for (const [field, control] of Object.entries(controls)) control.dataset.field = field;
    const weekButtons = shown.map((w) => h('button', { type: 'button', class: 'week', dataset: { key: row.key, week: w.start },
      onclick: () => book(row, w) }));
    const tr = h('tr', { class: 'assignment', dataset: { key: row.key, id: row.id } },
      h('td', { class: 'edit what' }, project, h('span', { class: 'percent' }, percent, h('span', { 'aria-hidden': 'true' }, ' %'))),
      h('td', { class: 'edit when' }, start, end),
      weekButtons.map((b) => h('td', { class: 'week' }, b)),
      h('td', { class: 'who' }));
    const note = h('td', { colspan: 3 + shown.length, id: statusId });
    const explanation = h('tr', { class: 'explanation', dataset: { key: row.key } }, note);
    parts.set(row.key, { tr, note, controls, weekButtons });
    decorate(row);
    return [tr, explanation];
  }

  function decorate(row) {
    const part = parts.get(row.key);
    if (!part) return;
    const { tr, note, controls, weekButtons } = part;
    tr.classList.toggle('dirty', row.dirty);
    tr.classList.toggle('failed', row.failed);
    for (const [field, control] of Object.entries(controls)) {
      const value = row.value(field);
      if (document.activeElement !== control) control.value = value === null || value === undefined ? '' : String(value);
      control.classList.toggle('changed', row.changed(field));
      if (row.failed && row.outcome.field === field) control.setAttribute('aria-invalid', 'true'); else control.removeAttribute('aria-invalid');
    }
    const name = rowName(row);
    weekButtons.forEach((button, i) => {
      const w = shown[i];
      const on = overlaps(row.value('start_date'), row.value('end_date'), w);
      button.setAttribute('aria-pressed', String(on));
      button.textContent = on ? `${row.value('allocation_percent') ?? '?'}%` : '';
      button.setAttribute('aria-label', `${name}: week of ${w.start}, ${on ? `booked ${row.value('allocation_percent') ?? '?'} %` : 'free'}`);
      const wasOn = overlaps(row.base.start_date, row.base.end_date, w);
      button.classList.toggle('changed', wasOn !== on);
    });
    const recent = recentlyChangedByOthers(row.base, user());
    tr.querySelector('td.who').replaceChildren(h('span', {}, `${row.base.version} · ${row.base.last_modified_by ?? ''} `,
      h('small', { class: 'hint' }, h('time', { datetime: row.base.last_modified_at }, ago(row.base.last_modified_at))),
      recent ? h('span', { class: 'badge', title: 'Saved by someone else in the last five minutes' }, 'changed') : null),
    h('div', { class: 'short-status' }, shortStatusOf(row)));
    const explanation = explanationOf(row, (f) => LABELS[f] || f);
    note.replaceChildren(explanation || '');
    note.parentElement.hidden = !explanation;
    tr.classList.toggle('explained', !!explanation);
  }

  /** A resource's booked percentage per week, from the values on screen (saved or not). */
  function totals(resourceId) {
    const cells = groups.get(resourceId);
    if (!cells) return;
    const rows = edits.rows.filter((r) => r.base.resource_id === resourceId);
    cells.forEach((cell, i) => {
      const sum = rows.filter((r) => overlaps(r.value('start_date'), r.value('end_date'), shown[i]))
        .reduce((total, r) => total + (Number(r.value('allocation_percent')) || 0), 0);
      cell.textContent = sum ? `${sum}%` : '';
      cell.classList.toggle('over', sum > 100);
      cell.title = sum > 100 ? `Over-booked: ${sum} %` : `${sum} % booked`;
    });
  }

  function book(row, week) {
    const next = toggleWeek({ start: row.value('start_date'), end: row.value('end_date') }, week);
    if (next.error) { announce(next.error, 'error'); return; }
    edits.change(row, 'start_date', next.start);
    edits.change(row, 'end_date', next.end);
  }

  // ---- data ---------------------------------------------------------------------------------------------------
  async function loadLookups() {
    [resources, projects] = await Promise.all([loadAll('/api/portfolio/resources'), loadAll('/api/portfolio/projects')]);
    resources.sort((a, b) => a.name.localeCompare(b.name));
    projects.sort((a, b) => a.name.localeCompare(b.name));
    projectSelect.replaceChildren(h('option', { value: '' }, 'All projects'),
      ...projects.map((p) => h('option', { value: String(p.id), selected: String(p.id) === state.project }, p.name)));
  }

  async function load() {
    edits.summary.textContent = 'Loading the calendar…';
    try {
      const [, assignments] = await Promise.all([loadLookups(), loadAll(PATH)]);
      edits.load(assignments);
    } catch (error) {
      edits.summary.textContent = `The calendar could not be loaded: ${error.message}`;
    }
  }

  function newAssignment() {
    const fields = SECTIONS.find((s) => s.id === 'resource-assignments').fields;
    createRecord({ title: 'New resource assignment', path: PATH, fields,
      defaults: { start_date: state.from, end_date: addDays(state.from, 13), allocation_percent: 50, project_id: Number(state.project) || null },
      onSaved: () => liveMerge() }).catch((e) => announce(e.message, 'error'));
  }

  const liveMerge = debounce(() => {
    if (edits.busy) liveMerge();
    else loadAll(PATH).then((list) => edits.merge(list)).catch(() => {});
  }, 300);
  const liveLookups = debounce(() => loadLookups().then(render).catch(() => {}), 300);
  const onEvent = (e) => {
    if (e.entity_type === 'resource_assignment') liveMerge();
    if (e.entity_type === 'planning_resource' || e.entity_type === 'planned_project') liveLookups();
  };
  // After a long disconnection (reset) the rows catch up like after any change: the user's edits stay.
  const unsubscribe = [events.on('entity.changed', onEvent), events.on('entity.deleted', onEvent),
    events.on('reset', () => { liveMerge(); liveLookups(); })];
  const ticker = setInterval(() => table.querySelectorAll('td.who time').forEach((t) => { t.textContent = ago(t.getAttribute('datetime')); }), 15_000);
  load();
  return {
    dirtyCount: () => edits.dirtyCount,
    destroy: () => { unsubscribe.forEach((u) => u()); clearInterval(ticker); },
  };
}
