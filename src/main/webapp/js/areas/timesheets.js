// Timesheets (seed 003): an employee fills a week, saves it as a draft or submits it, and sees each week's state
// and pay; managers approve or reject submitted weeks exactly once ("already approved by X at T" when someone
// was first) — approval calculates the payroll — and see the payroll of approved weeks.
import { h, announce, ago, dateTime, uuid } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { isManager } from 'tandem/lib/auth.js';
import { openDialog } from 'tandem/ui/dialog.js';
import { dataTable } from 'tandem/ui/table.js';
import { tabSet } from 'tandem/ui/tabs.js';
import { day, plusDays, mondayOf, hours, money, status, decided } from './hr/format.js';
import { employeeOr, directory, nameOf, isMe } from './hr/people.js';
import { decisionQueue, alreadyDecided } from './hr/decisions.js';
import { setHourlyRate } from './hr/employees.js';

const total = (sheet) => sheet.entries.reduce((sum, e) => sum + e.hours, 0);
const days = (sheet) => sheet.entries.map((e) => `${day(e.work_date, { year: false })}: ${hours(e.hours)}`).join(' · ') || 'no days';

/** One week's hours, day by day, in a dialog. */
function showWeek(view, who) {
  const sheet = view.timesheet;
  const { close } = openDialog({ title: `Week of ${day(sheet.week_start)}${who ? ` — ${who}` : ''}`, content: [
    h('p', {}, status(sheet.status), sheet.decided_by ? ` ${decided(sheet)}` : ''),
    h('div', { class: 'scroll' }, h('table', { class: 'data compact' }, h('caption', { class: 'visually-hidden' }, 'Hours per day'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col' }, 'Hours'))),
      h('tbody', {}, Array.from({ length: 7 }, (_, i) => {
        const date = plusDays(sheet.week_start, i);
        const entry = sheet.entries.find((e) => e.work_date === date);
        return h('tr', {}, h('th', { scope: 'row' }, day(date)), h('td', {}, entry ? hours(entry.hours) : '—'));
      })),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Total'), h('td', {}, hours(total(sheet))))))),
    view.payroll ? h('p', {}, `Pay: ${hours(view.payroll.total_hours)} × ${money(view.payroll.hourly_rate_cents)} = `,
      h('strong', {}, money(view.payroll.gross_cents)), ` (calculated ${dateTime(view.payroll.calculated_at)})`) : null,
    h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => close() }, 'Close')),
  ] });
}

/** The form for a new week: a date for Monday and seven days of hours; saved as a draft, or saved and submitted. */
function weekForm({ employee, known, onSaved }) {
  let key = uuid();  // one per week being saved: a double click or a retry never makes two timesheets
  const weekStart = h('input', { type: 'date', id: 'ts-week-start', required: true, value: mondayOf(), 'aria-describedby': 'ts-week-start-error ts-week-note' });
  const weekError = h('p', { class: 'field-error', id: 'ts-week-start-error', 'aria-live': 'polite' });
  const note = h('p', { class: 'hint', id: 'ts-week-note' });
  const inputs = Array.from({ length: 7 }, (_, i) => h('input', { type: 'number', id: `ts-day-${i}`, min: 0, max: 24, step: 1,
    inputmode: 'numeric', oninput: () => sum() }));
  const labels = inputs.map((input) => h('label', { for: input.id }));
  const sumOutput = h('output', { for: inputs.map((i) => i.id).join(' ') }, '0 h');
  const general = h('p', { class: 'form-error', role: 'alert' });
  const draftButton = h('button', { type: 'button', onclick: () => save(false) }, 'Save as draft');
  const submitButton = h('button', { type: 'submit', class: 'primary' }, 'Save and submit');
  const element = h('form', { class: 'week-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); save(true); } },
    h('div', { class: 'field' }, h('label', { for: weekStart.id }, 'Week starting', h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')),
      weekStart, weekError, note),
    h('fieldset', { class: 'week-days' }, h('legend', {}, 'Hours worked'),
      inputs.map((input, i) => h('div', { class: 'field day' }, labels[i], input)),
      h('p', { class: 'week-total' }, 'Total: ', sumOutput)),
    general,
    h('div', { class: 'buttons' }, draftButton, submitButton));

  function relabel() {
    const start = weekStart.value;
    labels.forEach((label, i) => { label.textContent = start ? day(plusDays(start, i), { year: false }) : `Day ${i + 1}`; });
    const twin = start && known().find((v) => v.timesheet.week_start === start);
    note.textContent = twin ? `You already have a timesheet for this week (${twin.timesheet.status.toLowerCase()}); saving makes another one.` : '';
  }
  function sum() { sumOutput.textContent = hours(inputs.reduce((s, input) => s + (Number(input.value) || 0), 0)); }
  weekStart.addEventListener('change', relabel);
  relabel();

  async function save(submit) {
    general.textContent = '';
    weekError.textContent = '';
    weekStart.removeAttribute('aria-invalid');
    inputs.forEach((input) => input.removeAttribute('aria-invalid'));
    if (!weekStart.value) {
      weekError.textContent = 'Choose the first day of the week.';
      weekStart.setAttribute('aria-invalid', 'true');
      weekStart.focus();
      return;
    }
    const entries = inputs.map((input, i) => ({ input, work_date: plusDays(weekStart.value, i), hours: input.value === '' ? null : Number(input.value) }))
      .filter((e) => e.hours !== null);
    const bad = entries.find((e) => !Number.isInteger(e.hours) || e.hours < 0 || e.hours > 24);
    if (bad || !entries.length) {
      general.textContent = bad ? 'Hours are whole numbers from 0 to 24.' : 'Enter the hours of at least one day.';
      (bad?.input || inputs[0]).setAttribute('aria-invalid', 'true');
      (bad?.input || inputs[0]).focus();
      return;
    }
    draftButton.disabled = true;
    submitButton.disabled = true;
    try {
      const created = await api.post('/api/timesheets', { employee_id: employee.id, week_start: weekStart.value,
        entries: entries.map(({ work_date, hours: h }) => ({ work_date, hours: h })) }, { headers: { 'Idempotency-Key': key } });
      key = uuid();
      const sheet = created.timesheet;
      // Saved: the form moves on to the following week, empty.
      weekStart.value = plusDays(sheet.week_start, 7);
      inputs.forEach((input) => { input.value = ''; });
      sum();
      if (submit) {
        try {
          await api.post(`/api/timesheets/${sheet.id}/submit`);
          announce(`Week of ${day(sheet.week_start)} submitted (${hours(total(sheet))}). A manager approves it.`, 'success');
        } catch (error) {
          announce(`The week of ${day(sheet.week_start)} was saved as a draft but not submitted: ${error.message}`, 'error');
        }
      } else {
        announce(`Week of ${day(sheet.week_start)} saved as a draft (${hours(total(sheet))}). Submit it when it is complete.`, 'success');
      }
      onSaved();
    } catch (error) {
      if (error.field === 'week_start') {
        weekError.textContent = error.message;
        weekStart.setAttribute('aria-invalid', 'true');
        weekStart.focus();
      } else {
        general.textContent = error.message;
      }
    } finally {
      draftButton.disabled = false;
      submitButton.disabled = false;
      relabel();
    }
  }
  return { element, relabel };
}

/** The employee's weeks: a new one, and the list with each week's state and pay. */
function myWeeks(panel) {
  const content = h('div', {}, h('p', { class: 'hint' }, 'Loading…'));
  panel.append(content);
  let table = null;
  let gone = false;
  let rows = [];
  (async () => {
    const employee = await employeeOr(content, 'Timesheets');
    if (!employee) return;
    // The weeks the employee already has, so the form can warn before a second timesheet for the same week.
    const refreshKnown = async () => {
      try {
        rows = (await api.get(api.query('/api/timesheets', { employee_id: employee.id, size: 100 }))).items;
      } catch { /* only the warning depends on it */ }
      form.relabel();
    };
    const form = weekForm({ employee, known: () => rows, onSaved: () => { table.reload(); refreshKnown(); } });
    refreshKnown();
    if (gone) return;  // the user left while this loaded: build nothing that would outlive the screen
    table = dataTable({
      caption: 'My timesheets', path: '/api/timesheets', params: () => ({ employee_id: employee.id }), entityTypes: ['timesheet'],
      lastModified: false, filter: false, sortable: false, pageSize: 10,
      onOpen: (v) => showWeek(v),
      columns: [
        { key: 'week', label: 'Week', render: (v) => day(v.timesheet.week_start) },
        { key: 'hours', label: 'Hours', render: (v) => hours(total(v.timesheet)) },
        { key: 'status', label: 'State', render: (v) => status(v.timesheet.status) },
        { key: 'decided', label: 'Decided by', render: (v) => decided(v.timesheet) },
        { key: 'gross', label: 'Pay', render: (v) => (v.payroll ? money(v.payroll.gross_cents) : '—') },
      ],
      actions: (v) => (v.timesheet.status === 'DRAFT'
        ? h('button', { type: 'button', class: 'small primary', 'aria-label': `Submit the week of ${day(v.timesheet.week_start)}`,
          onclick: () => submit(v) }, 'Submit') : null),
    });
    content.replaceChildren(h('h2', {}, 'Fill a week'), form.element, h('h2', {}, 'My weeks'), table.element);
  })();

  async function submit(v) {
    try {
      await api.post(`/api/timesheets/${v.timesheet.id}/submit`);
      announce(`Week of ${day(v.timesheet.week_start)} submitted. A manager approves it.`, 'success');
    } catch (error) {
      announce(`Not submitted: ${alreadyDecided(error.problem) || error.message}`, 'error');
    }
    table.reload();
  }
  return () => { gone = true; table?.destroy(); };
}

/** Managers: submitted weeks waiting for approval; approval calculates the pay, exactly once. */
function approvals(panel) {
  let people = new Map();
  const who = (v) => nameOf(people, v.timesheet.employee_id);
  const queue = decisionQueue({
    caption: 'Timesheets waiting for approval',
    entityType: 'timesheet',
    waiting: 'SUBMITTED',
    load: async () => {
      const [answer, known] = await Promise.all([api.get('/api/timesheets?status=SUBMITTED&size=500'), directory()]);
      people = known;
      return answer.items;
    },
    idOf: (v) => v.timesheet.id,
    columns: [
      { label: 'Employee', render: who },
      { label: 'Week', render: (v) => h('button', { type: 'button', class: 'link', onclick: () => showWeek(v, who(v)) }, day(v.timesheet.week_start)) },
      { label: 'Hours', render: (v) => hours(total(v.timesheet)) },
      { label: 'Days', render: (v) => h('small', {}, days(v.timesheet)) },
      { label: 'Rate', render: (v) => {
        const rate = people.get(v.timesheet.employee_id)?.hourly_rate_cents;
        return rate === null || rate === undefined ? h('span', { class: 'state state-missing' }, 'not set') : money(rate);
      } },
    ],
    verbs: [
      { action: 'approve', label: 'Approve', done: 'approved', primary: true },
      { action: 'reject', label: 'Reject', done: 'rejected' },
    ],
    post: (v, action) => api.post(`/api/timesheets/${v.timesheet.id}/${action}`),
    describe: (v) => `the week of ${day(v.timesheet.week_start)} of ${who(v)}`,
    mine: (v) => isMe(people, v.timesheet.employee_id),
    failure: (error, v) => (error.problem?.type?.endsWith('payroll-failed')
      ? `The pay could not be calculated: ${who(v)} has no hourly rate. The week stays submitted; set the rate under Payroll, then approve.`
      : null),
  });
  panel.append(h('p', { class: 'hint' }, 'Approving calculates the pay. If another manager decides a week while you look, the row says who did it.'),
    queue.element);
  return queue.destroy;
}

/** Managers: the pay of approved weeks, and who still has no hourly rate. */
function payroll(panel) {
  let table = null;
  let gone = false;
  const missing = h('div');
  (async () => {
    let people;
    try {
      people = await directory();
    } catch (error) {
      panel.append(h('p', { class: 'form-error', role: 'alert' }, error.message));
      return;
    }
    const who = (v) => nameOf(people, v.timesheet.employee_id);
    const showMissing = () => {
      const without = [...people.values()].filter((e) => e.hourly_rate_cents === null || e.hourly_rate_cents === undefined);
      missing.replaceChildren(...(without.length ? [h('h2', {}, 'No hourly rate yet'),
        h('p', { class: 'hint' }, 'Their weeks cannot be approved until a rate is set.'),
        h('ul', { class: 'plain' }, without.map((e) => h('li', {}, e.name, ' ',
          h('button', { type: 'button', class: 'small', 'aria-label': `Set hourly rate of ${e.name}`,
            onclick: () => setHourlyRate(e, (saved) => { people.set(saved.id, saved); showMissing(); }) }, 'Set hourly rate'))))] : []));
    };
    showMissing();
    if (gone) return;  // the user left while this loaded: build nothing that would outlive the screen
    table = dataTable({
      caption: 'Payroll of approved timesheets', path: '/api/timesheets', params: () => ({ status: 'APPROVED' }), entityTypes: ['timesheet'],
      lastModified: false, filter: false, sortable: false,
      onOpen: (v) => showWeek(v, who(v)),
      columns: [
        { key: 'employee', label: 'Employee', render: who },
        { key: 'week', label: 'Week', render: (v) => day(v.timesheet.week_start) },
        { key: 'hours', label: 'Hours', render: (v) => hours(v.payroll?.total_hours ?? total(v.timesheet)) },
        { key: 'rate', label: 'Rate', render: (v) => money(v.payroll?.hourly_rate_cents) },
        { key: 'gross', label: 'Gross pay', render: (v) => (v.payroll ? h('strong', {}, money(v.payroll.gross_cents)) : '—') },
        { key: 'approved', label: 'Approved by', render: (v) => decided(v.timesheet) },
        { key: 'calculated', label: 'Calculated', render: (v) => (v.payroll ? h('time', { datetime: v.payroll.calculated_at, title: v.payroll.calculated_at }, ago(v.payroll.calculated_at)) : '—') },
      ],
    });
    panel.append(missing, h('h2', {}, 'Approved weeks'), table.element);
  })();
  return () => { gone = true; table?.destroy(); };
}

export default {
  render(root, params) {
    const tabs = [{ id: 'mine', title: 'My timesheets', render: myWeeks }];
    if (isManager()) tabs.push({ id: 'approvals', title: 'Approvals', render: approvals }, { id: 'payroll', title: 'Payroll', render: payroll });
    const set = tabSet({ label: 'Timesheets', tabs, selected: params[0] || 'mine',
      onSelect: (id) => history.replaceState(null, '', `#/timesheets/${id}`) });
    root.append(set.element);
    return set.destroy;
  },
};
