// "Needs attention": the signed-in user's records the server refused (a conflict with a newer record, an invalid
// value) or that can no longer be sent (their session's lease was lost, or it ended first). Nothing here is sent
// again by itself; the user discards a record, or corrects it and queues it again — into its own session while
// that still holds the lease, else (after checking the rack again) into their live session on the same rack.
import { h, announce } from 'tandem/lib/dom.js';
import { openDialog, confirmDialog } from 'tandem/ui/dialog.js';
import { buildForm } from 'tandem/ui/form.js';
import * as leases from './leases.js';
import { SCAN_FIELDS, scanValues, formValues } from './scan.js';
import { clockTime, plural } from './format.js';

const KINDS = {
  lease_lost: 'Lease lost',
  session_ended: 'Session ended',
  conflict: 'Conflict',
  rejected: 'Refused',
};

const quantities = (r) => `${r.verified_qty} verified${r.damage_qty ? `, ${r.damage_qty} damaged` : ''}`
  + (r.serial_numbers?.length ? `, ${plural(r.serial_numbers.length, 'serial number')}` : '');

/** Where a corrected copy of `record` may go: its own session while live, else the user's live session on its rack. */
function target(record) {
  if (leases.isLive(record.session_id)) return leases.get(record.session_id).session;
  return leases.live().find((entry) => entry.session.rack_id === record.rack_id)?.session || null;
}

/** The list of `sync`'s user (hidden while empty); answers {element, reload(), destroy()}. */
export function attentionList(sync) {
  const list = h('ul', { class: 'attention-list' });
  const heading = h('h2', { id: 'racks-attention-title' }, 'Needs attention');
  const element = h('section', { class: 'attention', 'aria-labelledby': 'racks-attention-title', hidden: true },
    heading,
    h('p', { class: 'hint' }, 'These records did not reach the server. They are kept on this device for you only; '
      + 'nothing here is sent again unless you say so.'),
    list);

  async function load() {
    let records;
    try {
      records = await sync.queue.attention();
    } catch (error) {
      announce(`The records kept on this device cannot be read: ${error.message}`, 'error');
      return;
    }
    element.hidden = records.length === 0;
    heading.textContent = `Needs attention (${records.length})`;
    const focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    list.replaceChildren(...records.map(item));
    if (focused) list.querySelector(`[data-key="${focused}"]`)?.focus();
  }

  function item(record) {
    const problem = record.problem || {};
    const server = problem.server_record;
    const goesTo = target(record);
    const again = goesTo && goesTo.id === record.session_id ? 'Correct and send again…' : 'Record again in my current session…';
    return h('li', { class: `attention-item kind-${problem.kind}`, dataset: { record: record.client_record_id } },
      h('p', { class: 'what' }, h('strong', {}, record.item_code), ` · ${quantities(record)}`),
      h('p', { class: 'hint' }, `Rack ${record.rack_id} · scanned ${clockTime(record.created_at)} · claim #${record.fencing_token}`),
      h('p', { class: 'why' }, h('span', { class: 'badge' }, KINDS[problem.kind] || 'Not sent'), ' ', problem.reason || ''),
      server ? h('p', { class: 'server' }, `Saved on the server: ${quantities({ ...server, serial_numbers: [] })} (recorded ${clockTime(server.updated_at)}).`) : null,
      h('div', { class: 'buttons' },
        goesTo ? h('button', { type: 'button', dataset: { key: `edit-${record.seq}` }, onclick: () => edit(record, goesTo) }, again) : null,
        h('button', { type: 'button', class: 'danger', dataset: { key: `discard-${record.seq}` },
          'aria-label': `Discard ${record.item_code} (${quantities(record)})`, onclick: () => discard(record) }, 'Discard')));
  }

  async function discard(record) {
    const sure = await confirmDialog('Discard this record?',
      `${record.item_code}, ${quantities(record)} on rack ${record.rack_id} never reached the server. Discarding it deletes it from this device.`, 'Discard');
    if (!sure) return;
    try {
      await sync.discard(record);
      announce(`Discarded ${record.item_code}.`);
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  function edit(record, session) {
    const form = buildForm(SCAN_FIELDS, { onSubmit: () => save() });
    const other = session.id !== record.session_id;
    form.element.append(h('div', { class: 'buttons' },
      h('button', { type: 'button', onclick: () => close() }, 'Cancel'),
      h('button', { type: 'submit', class: 'primary' }, other ? `Record in rack ${session.rack_id} now` : 'Queue again')));
    const { close } = openDialog({ title: other ? `Record ${record.item_code} again` : `Correct ${record.item_code}`, content: [
      other ? h('p', { class: 'notice' }, `This record belongs to a claim of rack ${record.rack_id} that was lost. `
        + `Count the item on the rack again: what you save here is a new scan in your current session (claim #${session.fencing_token}).`) : null,
      record.problem?.kind === 'conflict' && record.problem.server_record
        ? h('p', { class: 'notice' }, `Saved on the server: ${quantities({ ...record.problem.server_record, serial_numbers: [] })}, `
          + `recorded ${clockTime(record.problem.server_record.updated_at)}. Yours: ${quantities(record)}. `
          + 'Queueing yours again replaces the saved count; to keep the saved one, discard yours instead.')
        : record.problem?.reason ? h('p', { class: 'hint' }, record.problem.reason) : null,
      form.element,
    ] });
    form.set(formValues(record));
    form.element.querySelector('input')?.focus();

    async function save() {
      form.clearErrors();
      if (!leases.isLive(session.id)) {
        form.showError({ message: 'That session no longer holds the rack; nothing was queued.' });
        return;
      }
      const { values, error } = scanValues(form);
      if (error) { form.showError(error); return; }
      try {
        await sync.requeue(record, values, session);
        close();
        announce(`${values.item_code} is queued again for rack ${session.rack_id}.`, 'success');
      } catch (e) {
        form.showError(e);
      }
    }
  }

  const unsubscribe = [sync.queue.onChange(load), leases.onChange(load)];
  load();
  return { element, reload: load, destroy: () => unsubscribe.forEach((u) => u()) };
}
