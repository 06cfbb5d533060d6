// Stock & allocations (seed 003): what is on hand per product and client, allocating it (all or nothing, with
// "not enough stock, N available" when it is short), releasing allocations, managers' adjustments, and the
// products and clients themselves. An allocation carries one Idempotency-Key per attempt, so a double click or
// a retry after a lost answer never allocates twice.
import { h, announce, ago, debounce, uuid } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { isManager } from 'tandem/lib/auth.js';
import { buildForm } from 'tandem/ui/form.js';
import { dataTable } from 'tandem/ui/table.js';
import { createRecord } from 'tandem/ui/editor.js';
import { crudSection } from 'tandem/ui/crud.js';
import { tabSet } from 'tandem/ui/tabs.js';
import { showAllocations, adjustStock } from './stock/allocations.js';

/** Products and clients by id, for naming stock rows; reloaded when either changes. */
function lookups() {
  const state = { products: new Map(), clients: new Map() };
  const list = async (path, sort) => { const answer = await api.get(api.query(path, { size: 500, sort })); return answer.items ?? answer; };
  state.load = async () => {
    const [products, clients] = await Promise.all([list('/api/products', 'sku'), list('/api/clients', 'name')]);
    state.products = new Map(products.map((p) => [p.id, p]));
    state.clients = new Map(clients.map((c) => [c.id, c]));
  };
  state.product = (id) => { const p = state.products.get(id); return p ? `${p.sku} · ${p.name}` : `product ${id}`; };
  state.client = (id) => state.clients.get(id)?.name ?? `client ${id}`;
  state.name = (row) => `${state.product(row.product_id)} for ${state.client(row.client_id)}`;
  return state;
}

/** "Not enough stock: 5 available (you asked for 8). Nothing was allocated." from the 409 problem. */
export function notEnough(problem) {
  return `Not enough stock: ${problem.available} available (you asked for ${problem.requested}). Nothing was allocated.`;
}

/** The allocate form. Answers {element, prefill(row), refreshHint()}. */
function allocateForm(names, onAllocated) {
  let key = uuid();
  let lastBody = null;
  let onHand = new Map();  // "product/client" → stock row, for the "on hand now" hint
  const orders = async () => {
    try {
      const answer = await api.get('/api/orders?size=500');
      return (answer.items ?? answer).map((o) => ({ value: o.id, label: `${o.order_number} — ${o.client_name}` }));
    } catch { return []; }
  };
  const form = buildForm([
    { name: 'product_id', label: 'Product', type: 'select', required: true,
      options: async () => { await names.ready; return [...names.products.values()].map((p) => ({ value: p.id, label: `${p.sku} · ${p.name}` })); } },
    { name: 'client_id', label: 'Client', type: 'select', required: true,
      options: async () => { await names.ready; return [...names.clients.values()].map((c) => ({ value: c.id, label: c.name })); } },
    { name: 'quantity', label: 'Quantity', type: 'number', min: 1, step: 1, required: true },
    { name: 'order_id', label: 'For order', type: 'select', options: orders, hint: 'Optional.' },
  ], { onSubmit: () => allocate() });
  const hint = h('p', { class: 'hint on-hand', role: 'status' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Allocate');
  form.element.append(hint, h('div', { class: 'buttons' }, button));

  async function refreshHint() {
    try {
      const answer = await api.get('/api/stock?size=500');
      onHand = new Map(answer.items.map((s) => [`${s.product_id}/${s.client_id}`, s]));
    } catch { /* the hint is a convenience */ }
    showHint();
  }
  function showHint() {
    const { product_id: product, client_id: client } = form.read();
    if (!product || !client) { hint.textContent = ''; return; }
    const row = onHand.get(`${product}/${client}`);
    hint.textContent = row ? `On hand now: ${row.quantity_on_hand}.` : 'There is no stock of this product for this client.';
  }
  form.control('product_id').addEventListener('change', showHint);
  form.control('client_id').addEventListener('change', showHint);

  async function allocate() {
    form.clearErrors();
    const values = form.read();
    const body = { product_id: values.product_id, client_id: values.client_id, quantity: values.quantity };
    if (values.order_id !== null) body.order_id = values.order_id;
    for (const field of ['product_id', 'client_id', 'quantity']) {
      if (body[field] === null) { form.showError({ field, message: 'Required.' }); return; }
    }
    // A new attempt gets a new key; pressing Allocate again for the same thing (a double click) keeps it.
    if (JSON.stringify(body) !== lastBody) { key = uuid(); lastBody = JSON.stringify(body); }
    button.disabled = true;
    try {
      const answer = await api.post('/api/stock/allocate', body, { headers: { 'Idempotency-Key': key } });
      const made = answer.allocations[0];
      lastBody = null;
      form.control('quantity').value = '';
      announce(`Allocated ${made.quantity} of ${names.product(made.product_id)} for ${names.client(made.client_id)} (allocation #${made.id}).`, 'success');
      onAllocated();
    } catch (error) {
      if (error.status === 409 && error.problem.available !== undefined) {
        form.showError({ field: 'quantity', message: notEnough(error.problem) });
      } else if (error.status === 404) {
        form.showError({ field: 'client_id', message: `There is no stock of ${names.product(body.product_id)} for ${names.client(body.client_id)}.` });
      } else {
        form.showError(error);
      }
    } finally {
      button.disabled = false;
      refreshHint();
    }
  }

  return {
    element: form.element,
    ready: form.ready.then(refreshHint),
    refreshHint,
    prefill(row) {
      form.put('product_id', row.product_id);
      form.put('client_id', row.client_id);
      showHint();
      form.control('quantity').focus();
    },
  };
}

function stockPanel(panel) {
  const names = lookups();
  names.ready = names.load().catch((error) => announce(error.message, 'error'));
  const reload = () => { table.reload(); form.refreshHint(); };
  const form = allocateForm(names, reload);
  const manager = isManager();
  const table = dataTable({
    caption: 'Stock on hand', path: '/api/stock', lastModified: false, sortable: false,
    onOpen: (row) => showAllocations(row, names.name(row), reload),
    columns: [
      { key: 'product', label: 'Product', render: (row) => names.product(row.product_id) },
      { key: 'client', label: 'Client', render: (row) => names.client(row.client_id) },
      { key: 'on_hand', label: 'On hand', render: (row) => h('strong', {}, String(row.quantity_on_hand)) },
      { key: 'changed', label: 'Changed', render: (row) => h('time', { datetime: row.last_modified_at, title: row.last_modified_at }, ago(row.last_modified_at)) },
    ],
    actions: (row) => [
      h('button', { type: 'button', class: 'small', 'aria-label': `Allocate ${names.name(row)}`, onclick: () => form.prefill(row) }, 'Allocate'),
      h('button', { type: 'button', class: 'small', 'aria-label': `Allocations of ${names.name(row)}`,
        onclick: () => showAllocations(row, names.name(row), reload) }, 'Allocations'),
      manager ? h('button', { type: 'button', class: 'small', 'aria-label': `Adjust ${names.name(row)}`,
        onclick: () => adjustStock(row, names.name(row), reload) }, 'Adjust') : null,
    ],
  });
  const newRow = () => createRecord({ title: 'New stock row', path: '/api/stock', onSaved: reload, fields: [
    { name: 'product_id', label: 'Product', type: 'select', required: true,
      options: [...names.products.values()].map((p) => ({ value: p.id, label: `${p.sku} · ${p.name}` })) },
    { name: 'client_id', label: 'Client', type: 'select', required: true,
      options: [...names.clients.values()].map((c) => ({ value: c.id, label: c.name })) },
    { name: 'quantity_on_hand', label: 'On hand', type: 'number', min: 0, step: 1 },
  ] }).catch((e) => announce(e.message, 'error'));
  panel.append(
    h('section', { class: 'allocate', 'aria-labelledby': 'allocate-heading' }, h('h2', { id: 'allocate-heading' }, 'Allocate stock'), form.element),
    h('section', { 'aria-labelledby': 'stock-heading' },
      h('div', { class: 'section-head' }, h('h2', { id: 'stock-heading' }, 'On hand'),
        h('div', { class: 'buttons' },
          h('button', { type: 'button', onclick: reload }, 'Refresh'),
          manager ? h('button', { type: 'button', class: 'primary', onclick: newRow }, 'New stock row') : null)),
      h('p', { class: 'hint' }, 'One row per product and client, by product name; the filter finds a product (SKU or name) or a client. Allocations by others show after Refresh; product and client names update by themselves.'),
      table.element));
  // The first page may arrive before the names: show it again with them.
  names.ready.then(() => table.reload());
  // Names follow edits of products and clients live; stock rows have no change events of their own.
  const renamed = debounce(async () => { await names.load().catch(() => {}); table.reload(); }, 300);
  const stop = events.on('entity.changed', (e) => { if (e.entity_type === 'product' || e.entity_type === 'client') renamed(); });
  return () => { stop(); table.destroy(); };
}

const productsPanel = (panel) => {
  const section = crudSection({ caption: 'Products', noun: 'product', path: '/api/products', entityType: 'product',
    columns: [{ key: 'sku', label: 'SKU' }, { key: 'name', label: 'Name' }, { key: 'version', label: 'Version' }],
    fields: [{ name: 'sku', label: 'SKU', required: true, maxlength: 64 }, { name: 'name', label: 'Name', required: true, maxlength: 200 }] });
  panel.append(section.element);
  return section.destroy;
};

const clientsPanel = (panel) => {
  const section = crudSection({ caption: 'Clients', noun: 'client', path: '/api/clients', entityType: 'client',
    columns: [{ key: 'name', label: 'Name' }, { key: 'contact', label: 'Contact' }, { key: 'version', label: 'Version' }],
    fields: [{ name: 'name', label: 'Name', required: true, maxlength: 200 }, { name: 'contact', label: 'Contact', maxlength: 200 }] });
  panel.append(section.element);
  return section.destroy;
};

export default {
  render(root, params) {
    const set = tabSet({ label: 'Stock', selected: params[0] || 'stock',
      tabs: [{ id: 'stock', title: 'Stock & allocations', render: stockPanel }, { id: 'products', title: 'Products', render: productsPanel },
        { id: 'clients', title: 'Clients', render: clientsPanel }],
      onSelect: (id) => history.replaceState(null, '', `#/stock/${id}`) });
    root.append(set.element);
    return set.destroy;
  },
};
