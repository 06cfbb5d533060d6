// What one scan is: the fields of the scan form (also used to correct a record), and the server's rules for
// them checked before a record goes into the queue, so a typo is shown at once instead of after the sync.
import { serials } from './format.js';

export const SCAN_FIELDS = [
  { name: 'item_code', label: 'Item code', required: true, maxlength: 128, hint: 'Scan the barcode or type the code.' },
  { name: 'verified_qty', label: 'Verified quantity', type: 'number', required: true, min: 0, max: 1000000, step: 1 },
  { name: 'damage_qty', label: 'Damaged quantity', type: 'number', min: 0, max: 1000000, step: 1 },
  { name: 'serial_numbers', label: 'Serial numbers (optional)', type: 'textarea', hint: 'One per line, or separated by commas.' },
];

const whole = (value) => Number.isInteger(value) && value >= 0 && value <= 1_000_000;

/** The form's values as a record's members, or {field, message} for the first thing the server would refuse. */
export function scanValues(form) {
  const raw = form.read();
  const code = (raw.item_code || '').trim();
  if (!code) return { error: { field: 'item_code', message: 'Enter the item code.' } };
  if (code.length > 128) return { error: { field: 'item_code', message: 'An item code has at most 128 characters.' } };
  if (raw.verified_qty === null) return { error: { field: 'verified_qty', message: 'Enter how many you counted.' } };
  if (!whole(raw.verified_qty)) return { error: { field: 'verified_qty', message: 'A whole number from 0 to 1000000.' } };
  const damage = raw.damage_qty ?? 0;
  if (!whole(damage)) return { error: { field: 'damage_qty', message: 'A whole number from 0 to 1000000.' } };
  const serialList = serials(raw.serial_numbers);
  if (serialList.length > 10_000) return { error: { field: 'serial_numbers', message: 'At most 10000 serial numbers per scan.' } };
  return { values: { item_code: code, verified_qty: raw.verified_qty, damage_qty: damage, serial_numbers: serialList,
    status: damage > 0 ? 'damaged' : 'verified' } };
}

/** A record's members as the form shows them. */
export const formValues = (record) => ({ item_code: record.item_code, verified_qty: record.verified_qty,
  damage_qty: record.damage_qty, serial_numbers: (record.serial_numbers || []).join('\n') });
