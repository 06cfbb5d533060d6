// Leave requests (seed 003): an employee sees their balances and their requests' state, requests leave and
// cancels; managers decide pending requests exactly once ("already approved by X at T" when someone was first)
// and set up employee profiles. Lists follow the change stream (entity type leave_request).
import { h, announce, ago, debounce, uuid } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { isManager } from 'tandem/lib/auth.js';
import { buildForm } from 'tandem/ui/form.js';
import { confirmDialog } from 'tandem/ui/dialog.js';
import { tabSet } from 'tandem/ui/tabs.js';
import { LEAVE_TYPES, leaveType, dayRange, hours, status, decided } from './hr/format.js';
import { employeeOr, directory, nameOf, isMe } from './hr/people.js';
import { decisionQueue, alreadyDecided } from './hr/decisions.js';
import { employeesSection } from './hr/employees.js';

/** The employee's own page: balances, the request form and their requests. */
function myLeave(panel) {
  const content = h('div', {}, h('p', { class: 'hint' }, 'Loading…'));
  panel.append(content);
  let employee = null;
  let requests = [];
  const balances = h('div', { class: 'balances' });
  const body = h('tbody');
  // One key per request being made: a double click or a retry after a lost answer never makes two.
  let key = uuid();

  const form = buildForm([
    { name: 'leave_type', label: 'Type', type: 'select', required: true, options: LEAVE_TYPES },
    { name: 'start_date', label: 'First day', type: 'date', required: true },
    { name: 'end_date', label: 'Last day', type: 'date', required: true },
    { name: 'hours', label: 'Hours', type: 'number', min: 1, max: 2000, step: 1, required: true, hint: 'Working hours away, e.g. 8 a day.' },
  ], { onSubmit: () => request() });
  const requestButton = h('button', { type: 'submit', class: 'primary' }, 'Request leave');
  form.element.append(h('div', { class: 'buttons' }, requestButton));

  async function load() {
    const found = await employeeOr(content, 'Leave balances and leave requests');
    if (!found) return;
    const first = !employee;
    employee = found;
    try {
      requests = await api.get(api.query('/api/leave-requests', { employee_id: employee.id }));
    } catch (error) {
      announce(error.message, 'error');
    }
    renderBalances();
    renderRequests();
    if (first) {
      content.replaceChildren(
        h('h2', {}, `Balances of ${employee.name}`), balances,
        h('h2', {}, 'Request leave'), form.element,
        h('h2', {}, 'My requests'),
        h('div', { class: 'scroll' }, h('table', { class: 'data' }, h('caption', { class: 'visually-hidden' }, 'My leave requests'),
          h('thead', {}, h('tr', {}, ['Type', 'Dates', 'Hours', 'State', 'Decided by', 'Requested'].map((t) => h('th', { scope: 'col' }, t)),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
          body)));
      await form.ready;
      form.set({ leave_type: 'ANNUAL' });
      // A one-day request is the common case: the last day follows the first until the user sets it.
      const start = form.control('start_date');
      const end = form.control('end_date');
      start.addEventListener('change', () => { if (!end.value || end.value < start.value) end.value = start.value; });
    }
  }

  function renderBalances() {
    balances.replaceChildren(h('dl', {}, LEAVE_TYPES.map((t) => {
      const pending = requests.filter((r) => r.leave_type === t.value && r.status === 'PENDING').reduce((sum, r) => sum + r.hours, 0);
      return h('div', { class: 'balance' }, h('dt', {}, t.label), h('dd', {}, h('strong', {}, hours(employee.balances?.[t.value] ?? 0)), ' left',
        pending ? h('small', {}, `${pending} h requested, waiting for a decision`) : null));
    })));
  }

  function renderRequests() {
    const newest = [...requests].sort((a, b) => b.id - a.id);
    body.replaceChildren(...newest.map((r) => h('tr', { dataset: { id: r.id } },
      h('th', { scope: 'row' }, leaveType(r.leave_type)), h('td', {}, dayRange(r.start_date, r.end_date)), h('td', {}, hours(r.hours)),
      h('td', {}, status(r.status)), h('td', {}, decided(r)),
      h('td', {}, h('time', { datetime: r.created_at, title: r.created_at }, ago(r.created_at))),
      h('td', { class: 'actions' }, r.status === 'PENDING' || r.status === 'APPROVED'
        ? h('button', { type: 'button', class: 'small danger', 'aria-label': `Cancel ${leaveType(r.leave_type).toLowerCase()} ${dayRange(r.start_date, r.end_date)}`,
          onclick: () => cancel(r) }, 'Cancel') : null))));
    if (!newest.length) body.append(h('tr', {}, h('td', { colspan: 7, class: 'empty' }, 'No requests yet.')));
  }

  async function request() {
    form.clearErrors();
    const values = form.read();
    requestButton.disabled = true;
    try {
      const created = await api.post('/api/leave-requests', values, { headers: { 'Idempotency-Key': key } });
      key = uuid();
      announce(`Requested: ${leaveType(created.leave_type).toLowerCase()}, ${dayRange(created.start_date, created.end_date)}, ${hours(created.hours)}. A manager decides it.`, 'success');
      form.set({ leave_type: created.leave_type });
      await load();
    } catch (error) {
      form.showError(error);
    } finally {
      requestButton.disabled = false;
    }
  }

  async function cancel(r) {
    const what = `${leaveType(r.leave_type).toLowerCase()} ${dayRange(r.start_date, r.end_date)} (${hours(r.hours)})`;
    const back = r.status === 'APPROVED' ? ' The hours go back to your balance.' : '';
    if (!await confirmDialog('Cancel leave request', `Cancel your ${what}?${back}`, 'Cancel request')) return;
    try {
      await api.post(`/api/leave-requests/${r.id}/cancel`);
      announce(`Cancelled: ${what}.`, 'success');
    } catch (error) {
      announce(`Not cancelled: ${alreadyDecided(error.problem) || error.message}`, 'error');
    }
    await load();
  }

  const later = debounce(load, 300);
  const stop = events.on('entity.changed', (event) => {
    if (event.entity_type === 'leave_request' && employee && event.details?.employee_id === employee.id) later();
  });
  const stopReset = events.on('reset', () => later());
  load();
  return () => { stop(); stopReset(); };
}

/** Managers: requests waiting for a decision, each decided exactly once. */
function approvals(panel) {
  let people = new Map();
  const describe = (r) => `${leaveType(r.leave_type).toLowerCase()} of ${nameOf(people, r.employee_id)}, ${dayRange(r.start_date, r.end_date)}`;
  const queue = decisionQueue({
    caption: 'Leave requests waiting for a decision',
    entityType: 'leave_request',
    waiting: 'PENDING',
    load: async () => {
      const [list, known] = await Promise.all([api.get('/api/leave-requests?status=PENDING'), directory()]);
      people = known;
      return list;
    },
    idOf: (r) => r.id,
    columns: [
      { label: 'Employee', render: (r) => nameOf(people, r.employee_id) },
      { label: 'Type', render: (r) => leaveType(r.leave_type) },
      { label: 'Dates', render: (r) => dayRange(r.start_date, r.end_date) },
      { label: 'Hours', render: (r) => hours(r.hours) },
      { label: 'Balance left', render: (r) => hours(people.get(r.employee_id)?.balances?.[r.leave_type]) },
      { label: 'Requested', render: (r) => h('time', { datetime: r.created_at, title: r.created_at }, ago(r.created_at)) },
    ],
    verbs: [
      { action: 'approve', label: 'Approve', done: 'approved', primary: true },
      { action: 'reject', label: 'Reject', done: 'rejected' },
    ],
    post: (r, action) => api.post(`/api/leave-requests/${r.id}/${action}`),
    describe,
    mine: (r) => isMe(people, r.employee_id),
    failure: (error, r) => (error.problem?.type?.endsWith('insufficient-balance')
      ? `${nameOf(people, r.employee_id)} has not enough ${leaveType(r.leave_type).toLowerCase()} left for ${hours(r.hours)}; the request stays pending.`
      : null),
  });
  panel.append(h('p', { class: 'hint' }, 'Requests wait here oldest first. If another manager decides one while you look, the row says who did it.'),
    queue.element);
  return queue.destroy;
}

export default {
  render(root, params) {
    const tabs = [{ id: 'mine', title: 'My leave', render: myLeave }];
    if (isManager()) {
      tabs.push({ id: 'approvals', title: 'Approvals', render: approvals },
        { id: 'employees', title: 'Employees', render: (panel) => { panel.append(employeesSection().element); } });
    }
    const set = tabSet({ label: 'Leave requests', tabs, selected: params[0] || 'mine',
      onSelect: (id) => history.replaceState(null, '', `#/leave/${id}`) });
    root.append(set.element);
    return set.destroy;
  },
};
