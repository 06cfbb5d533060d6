// How the racks screens write times and counts.

/** "4:07" for 247 seconds; "1:02:03" past an hour. */
export function countdown(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  return hours ? `${hours}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
}

/** The time of day, e.g. "14:05". */
export const clockTime = (value) => (value ? new Date(value).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '');

/** Serial numbers as typed (one per line, or separated by commas) → a list without blanks. */
export const serials = (text) => (text || '').split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean);

export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
