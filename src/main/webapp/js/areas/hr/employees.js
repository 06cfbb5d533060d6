// Managers' view of employee profiles: who has one, their leave balances and hourly rate; setting up a profile
// for a user who has none (so they can request leave and fill timesheets) and setting a rate (payroll needs it).
import { h, announce } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { openDialog } from 'tandem/ui/dialog.js';
import { buildForm } from 'tandem/ui/form.js';
import { LEAVE_TYPES, hours, money } from './format.js';

/** The employees table with "Set up employee" and per-row "Set hourly rate". Answers {element, reload()}. */
export function employeesSection() {
  const body = h('tbody');
  const status = h('span', { class: 'hint', role: 'status' });
  const element = h('section', { class: 'employees' },
    h('div', { class: 'section-head' }, h('h2', {}, 'Employee profiles'),
      h('button', { type: 'button', class: 'primary', onclick: () => setUpEmployee(reload) }, 'Set up employee')),
    h('p', { class: 'hint' }, 'A user can request leave and fill timesheets once they have a profile. Payroll needs an hourly rate.'),
    h('div', { class: 'toolbar' }, status),
    h('div', { class: 'scroll' }, h('table', { class: 'data' }, h('caption', { class: 'visually-hidden' }, 'Employee profiles'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), LEAVE_TYPES.map((t) => h('th', { scope: 'col' }, t.label)),
        h('th', { scope: 'col' }, 'Hourly rate'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      body)));

  async function reload() {
    let list;
    try {
      list = await api.get('/api/employees');
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    status.textContent = `${list.length} ${list.length === 1 ? 'employee' : 'employees'}`;
    body.replaceChildren(...list.map((e) => h('tr', { dataset: { id: e.id } },
      h('th', { scope: 'row' }, e.name),
      LEAVE_TYPES.map((t) => h('td', {}, hours(e.balances?.[t.value] ?? 0))),
      h('td', {}, e.hourly_rate_cents === null || e.hourly_rate_cents === undefined
        ? h('span', { class: 'state state-missing' }, 'not set') : money(e.hourly_rate_cents)),
      h('td', { class: 'actions' }, h('button', { type: 'button', class: 'small', 'aria-label': `Set hourly rate of ${e.name}`,
        onclick: () => setHourlyRate(e, reload) }, 'Set hourly rate')))));
    if (!list.length) body.append(h('tr', {}, h('td', { colspan: LEAVE_TYPES.length + 3, class: 'empty' }, 'Nobody has a profile yet.')));
  }
  reload();
  return { element, reload };
}

/** Rate in the form ("28.50") → cents on the wire; null stays null. */
const cents = (value) => (value === null || value === undefined ? null : Math.round(value * 100));

/** A dialog that creates a profile for a user without one. */
export async function setUpEmployee(onSaved) {
  let candidates;
  try {
    candidates = await api.get('/api/employees/candidates');
  } catch (error) {
    announce(error.message, 'error');
    return;
  }
  const form = buildForm([
    { name: 'user_id', label: 'User', type: 'select', required: true,
      options: candidates.map((c) => ({ value: c.user_id, label: `${c.first_name} ${c.last_name} (${c.username})` })) },
    { name: 'name', label: 'Name on the profile', required: true, maxlength: 200 },
    { name: 'hourly_rate_cents', label: 'Hourly rate', type: 'number', min: 0, step: '0.01', hint: 'For payroll, e.g. 28.50; may be set later.' },
    ...LEAVE_TYPES.map((t) => ({ name: `balance_${t.value}`, label: `${t.label} (hours)`, type: 'number', min: 0, step: 1 })),
  ], { onSubmit: () => save() });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Set up');
  form.element.append(h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => close() }, 'Cancel'), saveButton));
  const { close } = openDialog({ title: 'Set up an employee profile', className: 'editor', content: [
    candidates.length ? null : h('p', { class: 'notice' }, 'Every user already has a profile. An administrator creates new users first.'),
    form.element] });
  await form.ready;
  form.set({ balance_ANNUAL: 0, balance_SICK: 0, balance_PERSONAL: 0 });
  // Choosing a user suggests their name, unless the manager has typed one.
  const nameControl = form.control('name');
  form.control('user_id').addEventListener('change', () => {
    const chosen = candidates.find((c) => c.user_id === form.read().user_id);
    if (chosen && !nameControl.dataset.typed) nameControl.value = `${chosen.first_name} ${chosen.last_name}`;
  });
  nameControl.addEventListener('input', () => { nameControl.dataset.typed = 'yes'; });

  async function save() {
    form.clearErrors();
    const values = form.read();
    const body = { user_id: values.user_id, name: values.name,
      balances: Object.fromEntries(LEAVE_TYPES.map((t) => [t.value, values[`balance_${t.value}`] ?? 0])) };
    if (values.hourly_rate_cents !== null) body.hourly_rate_cents = cents(values.hourly_rate_cents);
    saveButton.disabled = true;
    try {
      const created = await api.post('/api/employees', body);
      close();
      announce(`${created.name} is set up as an employee.`, 'success');
      onSaved?.(created);
    } catch (error) {
      form.showError(error);
    } finally {
      saveButton.disabled = false;
    }
  }
}

/** A dialog for one employee's hourly rate (only that value is sent). */
export function setHourlyRate(employee, onSaved) {
  const form = buildForm([{ name: 'hourly_rate_cents', label: 'Hourly rate', type: 'number', min: 0, step: '0.01', required: true,
    hint: `Now: ${employee.hourly_rate_cents === null || employee.hourly_rate_cents === undefined ? 'not set' : money(employee.hourly_rate_cents)}` }],
  { onSubmit: () => save() });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Save rate');
  form.element.append(h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => close() }, 'Cancel'), saveButton));
  const { close } = openDialog({ title: `Hourly rate of ${employee.name}`, className: 'editor', content: form.element });
  form.set({ hourly_rate_cents: employee.hourly_rate_cents === null || employee.hourly_rate_cents === undefined ? null : employee.hourly_rate_cents / 100 });

  async function save() {
    form.clearErrors();
    const value = form.read().hourly_rate_cents;
    if (value === null) {
      form.showError({ field: 'hourly_rate_cents', message: 'Enter a rate, e.g. 28.50.' });
      return;
    }
    saveButton.disabled = true;
    try {
      const saved = await api.put(`/api/employees/${employee.id}/hourly-rate`, { hourly_rate_cents: cents(value) });
      close();
      announce(`Hourly rate of ${saved.name}: ${money(saved.hourly_rate_cents)}.`, 'success');
      onSaved?.(saved);
    } catch (error) {
      form.showError(error);
    } finally {
      saveButton.disabled = false;
    }
  }
}

