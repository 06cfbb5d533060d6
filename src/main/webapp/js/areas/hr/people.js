// Who is an employee. Leave and timesheets need an employee profile, which a manager creates for a user; until
// then the screens say so plainly instead of showing empty lists or a bare 404.
import { h } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { isManager, user } from 'tandem/lib/auth.js';

/** The caller's profile: {employee} or, when they have none, {employee: null, message}. Other failures throw. */
export async function myProfile() {
  try {
    return { employee: await api.get('/api/employees/me') };
  } catch (error) {
    if (error.status === 404) return { employee: null, message: error.message };
    throw error;
  }
}

/** The banner for a user without an employee profile; `what` says what they cannot do yet. */
export function notSetUp(what) {
  return h('div', { class: 'banner not-employee', role: 'status' },
    h('p', {}, h('strong', {}, 'You are not set up as an employee yet.'), ` ${what} need an employee profile, and you have none.`),
    h('p', {}, isManager()
      ? 'A manager (you too, under Leave requests → Employees) can set one up for you.'
      : 'Ask a manager to set up your employee profile, then open this page again.'));
}

/**
 * Employees by id, for naming the people in lists. Managers get everyone; others only themselves (the server
 * shows nobody else's profile to them).
 */
export async function directory() {
  if (!isManager()) {
    const { employee } = await myProfile();
    return new Map(employee ? [[employee.id, employee]] : []);
  }
  const list = await api.get('/api/employees');
  return new Map(list.map((e) => [e.id, e]));
}

/** The name to show for an employee id; "employee 7" when the directory does not know them (yet). */
export const nameOf = (people, id) => people.get(id)?.name ?? `employee ${id}`;

/** True when `employeeId` is the signed-in user's own profile (managers may not decide their own requests). */
export const isMe = (people, employeeId) => people.get(employeeId)?.user_id === user()?.id;

/**
 * The signed-in user's employee profile; when there is none (or it cannot be read) says so in `content` and
 * answers null. `what` names the screen for the "not set up" banner.
 */
export async function employeeOr(content, what) {
  let profile;
  try {
    profile = await myProfile();
  } catch (error) {
    content.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, error.message));
    return null;
  }
  if (!profile.employee) {
    content.replaceChildren(notSetUp(what));
    return null;
  }
  return profile.employee;
}
