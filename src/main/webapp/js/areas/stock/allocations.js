// One stock row's allocations in a dialog: who took how much for which order, and "Release" (exactly once —
// when someone else released it first, the dialog says who and when). Also the managers' hand adjustment.
import { h, announce, ago, dateTime } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { openDialog, confirmDialog } from 'tandem/ui/dialog.js';
import { buildForm } from 'tandem/ui/form.js';

/** "Already released by jo at 25/11/2026, 12:31:05." from the 409 of a second release. */
export function alreadyReleased(problem) {
  return problem?.released_by ? `Already released by ${problem.released_by} at ${dateTime(problem.released_at)}.` : null;
}

/** Opens the allocations of `stock` (a row of /api/stock); `name` says which product/client; `onChange` after a release. */
export function showAllocations(stock, name, onChange) {
  const body = h('tbody');
  const summary = h('p', { class: 'hint', role: 'status' });
  // Inside the dialog, so it is read while the dialog is open (the page's message area is behind it).
  const refusal = h('p', { class: 'form-error', role: 'alert' });
  const { close } = openDialog({ title: `Allocations: ${name}`, className: 'editor allocations', content: [
    summary, refusal,
    h('div', { class: 'scroll' }, h('table', { class: 'data compact' }, h('caption', { class: 'visually-hidden' }, `Allocations of ${name}`),
      h('thead', {}, h('tr', {}, ['#', 'Quantity', 'Order', 'State', 'Allocated', 'Released'].map((t) => h('th', { scope: 'col' }, t)),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      body)),
    h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => close() }, 'Close')),
  ] });

  async function load() {
    let list;
    let current;
    try {
      [list, current] = await Promise.all([api.get(`/api/stock/${stock.id}/allocations`), api.get(`/api/stock/${stock.id}`)]);
    } catch (error) {
      summary.textContent = error.message;
      return;
    }
    const held = list.filter((a) => a.status === 'ALLOCATED').reduce((sum, a) => sum + a.quantity, 0);
    summary.textContent = `${current.quantity_on_hand} on hand; ${held} allocated in ${list.filter((a) => a.status === 'ALLOCATED').length} open allocations.`;
    body.replaceChildren(...[...list].reverse().map((a) => h('tr', { dataset: { id: a.id } },
      h('th', { scope: 'row' }, String(a.id)), h('td', {}, String(a.quantity)), h('td', {}, a.order_id ? `#${a.order_id}` : '—'),
      h('td', {}, h('span', { class: `state state-${a.status.toLowerCase()}` }, a.status === 'ALLOCATED' ? 'Allocated' : 'Released')),
      h('td', {}, `${a.created_by ?? ''} `, h('time', { datetime: a.created_at, title: a.created_at }, ago(a.created_at))),
      h('td', {}, a.released_by ? [`${a.released_by} `, h('time', { datetime: a.released_at, title: a.released_at }, ago(a.released_at))] : '—'),
      h('td', { class: 'actions' }, a.status === 'ALLOCATED'
        ? h('button', { type: 'button', class: 'small', 'aria-label': `Release allocation ${a.id} (${a.quantity})`, onclick: () => release(a) }, 'Release')
        : null))));
    if (!list.length) body.append(h('tr', {}, h('td', { colspan: 7, class: 'empty' }, 'Nothing allocated yet.')));
  }

  async function release(allocation) {
    if (!await confirmDialog('Release allocation', `Give ${allocation.quantity} of ${name} back to stock (allocation #${allocation.id})?`, 'Release')) return;
    refusal.textContent = '';
    try {
      await api.post(`/api/stock/allocations/${allocation.id}/release`);
      announce(`Released allocation #${allocation.id}: ${allocation.quantity} back in stock.`, 'success');
    } catch (error) {
      refusal.textContent = `Not released: ${(error.status === 409 && alreadyReleased(error.problem)) || error.message}`;
    }
    await load();
    onChange?.();
  }

  load();
}

/** Managers: add stock (a delivery) or remove it (a count correction); never below zero. */
export function adjustStock(stock, name, onChange) {
  const form = buildForm([
    { name: 'delta', label: 'Change', type: 'number', step: 1, required: true,
      hint: 'A positive number adds (a delivery), a negative one removes (a count correction).' },
    { name: 'reason', label: 'Reason', maxlength: 200 },
  ], { onSubmit: () => save() });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Adjust');
  form.element.append(h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => close() }, 'Cancel'), saveButton));
  const { close } = openDialog({ title: `Adjust stock: ${name}`, className: 'editor',
    content: [h('p', { class: 'hint' }, `${stock.quantity_on_hand} on hand when you opened this.`), form.element] });

  async function save() {
    form.clearErrors();
    const { delta, reason } = form.read();
    if (!delta || !Number.isInteger(delta)) {
      form.showError({ field: 'delta', message: 'Enter a whole number other than 0, e.g. 50 or -3.' });
      return;
    }
    saveButton.disabled = true;
    try {
      const saved = await api.post(`/api/stock/${stock.id}/adjust`, { delta, reason });
      close();
      announce(`${name}: ${delta > 0 ? 'added' : 'removed'} ${Math.abs(delta)}; ${saved.quantity_on_hand} on hand now.`, 'success');
      onChange?.();
    } catch (error) {
      form.showError(error);
    } finally {
      saveButton.disabled = false;
    }
  }
}
