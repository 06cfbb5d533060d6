// How the HR and stock screens write dates, hours, money and states, so every table reads the same.
import { h, dateTime } from 'tandem/lib/dom.js';

/** A calendar date from the server ("2026-11-16"), shown without any time-zone shift: "Mon 16 Nov 2026". */
export function day(iso, { weekday = true, year = true } = {}) {
  if (!iso) return '—';
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short',
    ...(weekday ? { weekday: 'short' } : {}), ...(year ? { year: 'numeric' } : {}) });
}

/** "21 Dec – 22 Dec 2026", or one day when start and end are the same. */
export function dayRange(start, end) {
  return start === end ? day(start, { weekday: false }) : `${day(start, { weekday: false, year: false })} – ${day(end, { weekday: false })}`;
}

/** The ISO date `days` after `iso`. */
export function plusDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week that contains `date` (local calendar), as an ISO date. */
export function mondayOf(date = new Date()) {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const hours = (n) => (n === null || n === undefined ? '—' : `${n}\u00a0h`);

/** Cents as an amount with two decimals ("28.50"); the currency is the company's, not the browser's. */
export const money = (cents) => (cents === null || cents === undefined ? '—'
  : (cents / 100).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

export const LEAVE_TYPES = [
  { value: 'ANNUAL', label: 'Annual leave' },
  { value: 'SICK', label: 'Sick leave' },
  { value: 'PERSONAL', label: 'Personal leave' },
];
export const leaveType = (value) => LEAVE_TYPES.find((t) => t.value === value)?.label ?? value;

const capital = (text) => text.charAt(0) + text.slice(1).toLowerCase();

/** A state as a badge with its word (never colour alone): "Pending", "Approved", … */
export const status = (value) => h('span', { class: `state state-${String(value).toLowerCase()}` }, capital(String(value)));

/** "approved by maria, 25/11/2026, 12:31:05" for a decided request or timesheet; '' while undecided. */
export function decided(row) {
  if (!row.decided_by) return '';
  return `${row.decided_by}, ${dateTime(row.decided_at)}`;
}
