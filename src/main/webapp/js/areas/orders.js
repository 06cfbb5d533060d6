// Orders (seed 003): the list with last-modified indicators and live updates; the versioned editor sends only
// the changed fields, and a stale order opens the conflict dialog ("Order was modified by another user").
import { h } from 'tandem/lib/dom.js';
import { crudSection } from 'tandem/ui/crud.js';

const STATUSES = ['DRAFT', 'CONFIRMED', 'IN_PRODUCTION', 'SHIPPED', 'CANCELLED'];
const statusLabel = (status) => (status ? status[0] + status.slice(1).toLowerCase().replace(/_/g, ' ') : '');

const FIELDS = [
  { name: 'client_name', label: 'Client', required: true, maxlength: 200 },
  { name: 'client_contact', label: 'Client contact', maxlength: 200 },
  { name: 'product', label: 'Product', required: true, maxlength: 200 },
  { name: 'quantity', label: 'Quantity', type: 'number', required: true, min: 1, max: 1000000, step: 1 },
  { name: 'status', label: 'Status', type: 'select', required: true, options: STATUSES.map((s) => ({ value: s, label: statusLabel(s) })) },
  { name: 'notes', label: 'Notes', type: 'textarea' },
];

export default {
  render(root) {
    const section = crudSection({
      caption: 'Orders', noun: 'order', path: '/api/orders', entityType: 'order',
      intro: 'Order numbers are given by the server. Rows marked “changed” were saved by someone else in the last five minutes.',
      columns: [
        { key: 'order_number', label: 'Order' },
        { key: 'client_name', label: 'Client' },
        { key: 'product', label: 'Product' },
        { key: 'quantity', label: 'Quantity' },
        { key: 'status', label: 'Status', render: (o) => h('span', { class: `order-status status-${(o.status || '').toLowerCase()}` }, statusLabel(o.status)) },
        { key: 'version', label: 'Version' },
      ],
      fields: FIELDS,
      defaults: () => ({ status: 'DRAFT', quantity: 1 }),
    });
    root.append(section.element);
    return section.destroy;
  },
};
