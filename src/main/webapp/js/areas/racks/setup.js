// Managers set up what auditors count: floors, racks on them, and the items expected on each rack. Without this
// screen a new installation could audit nothing until someone used the API by hand.
import { h, announce } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { buildForm } from 'tandem/ui/form.js';

/** Answers the set-up section; `changed()` runs after anything was created so the lists can reload. */
export function setupSection(changed) {
  const floorForm = buildForm([{ name: 'name', label: 'New floor', required: true, maxlength: 64 }],
    { onSubmit: () => send(floorForm, '/api/racks/floors', (v) => v, (v) => `Floor ${v.name} added.`) });
  const rackForm = buildForm([
    { name: 'rack_id', label: 'New rack', required: true, maxlength: 64 },
    { name: 'floor', label: 'On floor', type: 'select', required: true,
      options: async () => (await api.get('/api/racks/floors')).map((f) => ({ value: f.name, label: f.name })) },
  ], { onSubmit: () => send(rackForm, '/api/racks', (v) => v, (v) => `Rack ${v.rack_id} added on ${v.floor}.`) });
  const itemsForm = buildForm([
    { name: 'rack_id', label: 'For rack', required: true, maxlength: 64 },
    { name: 'items', label: 'Expected items', type: 'textarea', required: true,
      hint: 'One item per line: the item code, a space, the expected quantity (e.g. "A-100 12"). Replaces the rack’s list.' },
  ], { onSubmit: () => sendItems() });
  for (const [form, label] of [[floorForm, 'Add floor'], [rackForm, 'Add rack'], [itemsForm, 'Set expected items']]) {
    form.element.append(h('div', { class: 'buttons' }, h('button', { type: 'submit' }, label)));
  }

  // The form keeps what was typed when the server refuses it; it is emptied only after a success.
  async function send(form, path, body, done) {
    form.clearErrors();
    const values = form.read();
    try {
      await api.post(path, body(values));
      announce(done(values), 'success');
      form.element.reset();
    } catch (error) {
      form.showError(error);
      return;
    }
    changed();
    // A new floor becomes a choice for the next rack; if that reload fails the floor is still saved.
    rackForm.reloadOptions().catch((error) => announce(error.message, 'error'));
  }

  async function sendItems() {
    itemsForm.clearErrors();
    const { rack_id: rack, items } = itemsForm.read();
    const lines = (items || '').split('\n').map((line) => line.trim()).filter(Boolean);
    const parsed = lines.map((line) => line.match(/^(\S+)\s+(\d+)$/));
    const bad = parsed.findIndex((m) => !m);
    if (!rack || bad >= 0 || !lines.length) {
      itemsForm.showError(new api.ApiError(400, { field: bad >= 0 || !lines.length ? 'items' : 'rack_id' },
        !rack ? 'Name the rack.' : `Line ${bad + 1} should be an item code and a quantity, e.g. "A-100 12".`));
      return;
    }
    try {
      await api.post(`/api/racks/${encodeURIComponent(rack)}/items`,
        parsed.map((m) => ({ item_code: m[1], expected_qty: Number(m[2]) })));
      announce(`Rack ${rack} now expects ${lines.length} ${lines.length === 1 ? 'item' : 'items'}.`, 'success');
      itemsForm.element.reset();
      changed();
    } catch (error) {
      itemsForm.showError(error.field === 'item_code' || error.field === 'expected_qty'
        ? new api.ApiError(error.status, { field: 'items' }, error.message) : error);
    }
  }

  return h('details', { class: 'rack-setup' },
    h('summary', {}, 'Set up floors and racks'),
    h('div', { class: 'setup-forms' }, floorForm.element, rackForm.element, itemsForm.element));
}
