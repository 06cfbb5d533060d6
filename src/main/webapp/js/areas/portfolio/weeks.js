// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, so no time zone moves a day. Weeks start on Monday.
const DAY = 86_400_000;

export const toMillis = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
export const toIso = (millis) => new Date(millis).toISOString().slice(0, 10);
export const addDays = (iso, days) => toIso(toMillis(iso) + days * DAY);
export const isIsoDate = (text) => /^\d{4}-\d{2}-\d{2}$/.test(text || '') && toIso(toMillis(text)) === text;

/** The Monday of the week `iso` is in. */
export function mondayOf(iso) {
  const millis = toMillis(iso);
  return toIso(millis - ((new Date(millis).getUTCDay() + 6) % 7) * DAY);
}

/** Today in the browser's own calendar. */
export function today() {
  const now = new Date();
  return toIso(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** `count` weeks from the Monday of `fromIso`: [{start, end, label}]. */
export function weeks(fromIso, count) {
  const first = mondayOf(fromIso);
  return Array.from({ length: count }, (_, i) => {
    const start = addDays(first, 7 * i);
    const date = new Date(toMillis(start));
    return { start, end: addDays(start, 6),
      label: date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }) };
  });
}

export const overlaps = (start, end, week) => !!start && !!end && start <= week.end && week.start <= end;

/**
 * Booking or freeing one week of an assignment, which is one continuous period: a free week before or after it
 * extends it; its first or last week is taken off. Answers {start, end} or {error}.
 */
export function toggleWeek({ start, end }, week) {
  if (!isIsoDate(start) || !isIsoDate(end)) return { error: 'Give the assignment a start and an end date first.' };
  if (!overlaps(start, end, week)) {
    return week.start > end ? { start, end: week.end } : { start: week.start, end };
  }
  const first = start >= week.start;
  const last = end <= week.end;
  if (first && last) return { error: 'An assignment needs at least one day; delete it in “Resource assignments” instead.' };
  if (first) return { start: addDays(week.end, 1), end };
  if (last) return { start, end: addDays(week.start, -1) };
  return { error: 'Only the first or the last week can be taken off: an assignment is one continuous period.' };
}
