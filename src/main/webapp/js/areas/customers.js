// Customers and their projects (seed 001): both lists with last-modified indicators and live updates, the
// versioned editors with conflict handling, and in a customer's editor the projects it has.
import { h, announce, display } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { crudSection, optionsFrom } from 'tandem/ui/crud.js';
import { createRecord } from 'tandem/ui/editor.js';
import { loadAll } from 'tandem/ui/bulk.js';

const CUSTOMER_FIELDS = [
  { name: 'name', label: 'Name', required: true, maxlength: 200 },
  { name: 'contact_email', label: 'Contact e-mail', maxlength: 200 },
  { name: 'notes', label: 'Notes', type: 'textarea' },
];

const PROJECT_FIELDS = [
  { name: 'customer_id', label: 'Customer', type: 'select', required: true, options: optionsFrom('/api/core/customers') },
  { name: 'name', label: 'Name', required: true, maxlength: 200 },
  { name: 'description', label: 'Description', type: 'textarea' },
];

/** The projects of one customer, under its editor. */
function projectsOf(customer, onChange) {
  const box = h('div', { class: 'customer-projects' }, h('p', { class: 'hint' }, 'Loading projects…'));
  const load = async () => {
    try {
      const projects = (await loadAll('/api/core/projects', { customer_id: customer.id })).filter((p) => p.customer_id === customer.id);
      box.replaceChildren(h('h3', {}, `Projects (${projects.length})`),
        projects.length ? h('ul', {}, projects.map((p) => h('li', {}, p.name, p.description ? h('small', { class: 'hint' }, ` — ${p.description}`) : null)))
          : h('p', { class: 'hint' }, 'None yet.'),
        h('button', { type: 'button', onclick: () => createRecord({ title: 'New project', path: '/api/core/projects', fields: PROJECT_FIELDS,
          defaults: { customer_id: customer.id }, onSaved: () => { load(); onChange(); } }).catch((e) => announce(e.message, 'error')) }, 'New project for this customer'));
    } catch (error) {
      box.replaceChildren(h('p', { class: 'form-error' }, error.message));
    }
  };
  load();
  return box;
}

export default {
  render(root) {
    const customerNames = new Map();
    const loadNames = async () => {
      const list = await loadAll('/api/core/customers');
      customerNames.clear();
      list.forEach((c) => customerNames.set(c.id, c.name));
    };
    let projects = null;
    const customers = crudSection({
      title: 'Customers', noun: 'customer', path: '/api/core/customers', entityType: 'customer', headingLevel: 'h2',
      columns: [{ key: 'name', label: 'Name' }, { key: 'contact_email', label: 'Contact e-mail' }, { key: 'version', label: 'Version' }],
      fields: CUSTOMER_FIELDS,
      extra: (customer) => projectsOf(customer, () => projects?.table.reload()),
    });
    root.append(h('p', { class: 'hint' }, 'Rows marked “changed” were saved by someone else in the last five minutes; both lists update by themselves. '
      + 'Your active customer and project (top of the page) decide what the SAN screen shows first.'), customers.element);

    const holder = h('div');
    root.append(holder);
    const stop = events.on('entity.changed', (e) => { if (e.entity_type === 'customer') loadNames().then(() => projects?.table.reload()).catch(() => {}); });
    let gone = false;
    loadNames().catch((e) => announce(e.message, 'error')).finally(() => {
      if (gone) return;  // the user left while the names loaded
      projects = crudSection({
        title: 'Projects', noun: 'project', path: '/api/core/projects', entityType: 'project', headingLevel: 'h2',
        columns: [{ key: 'name', label: 'Name' },
          { key: 'customer_id', label: 'Customer', render: (p) => customerNames.get(p.customer_id) ?? display(p.customer_id) },
          { key: 'description', label: 'Description' }, { key: 'version', label: 'Version' }],
        fields: PROJECT_FIELDS,
      });
      holder.append(projects.element);
    });
    return () => { gone = true; stop(); customers.destroy(); projects?.destroy(); };
  },
};
