// Rows edited in place and saved together (the SAN bulk save, the planner's calendar).
//
// A row remembers the record as loaded and only the fields the user changed. The bulk APIs take whole items,
// so an item sent is the record as loaded with the user's changes on top, and always with the loaded version:
// when someone saved the record meanwhile, the server refuses that one item and nothing of theirs is
// overwritten. "Refresh" loads the record as saved now and re-applies only the user's own changes, for review;
// only then is it sent again — never automatically.
import { h, ago } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { same } from './form.js';

let counter = 0;

export class EditedRow {
  /** `record` as loaded (null for a new row), `fields` the names the grid edits, `defaults` for a new row. */
  constructor(record, fields, defaults = {}) {
    this.key = `row${++counter}`;
    this.fields = fields;
    this.base = record || { ...defaults };
    this.edits = {};
    this.outcome = null;   // {kind: 'saved', version} | {kind: 'failed', reason, field, conflict, refreshed, others}
    this.meanwhile = null; // {by, version} when someone else saved it while the user had unsaved changes
  }

  get id() { return this.base.id ?? null; }
  get isNew() { return this.id === null; }
  get dirty() { return this.isNew || Object.keys(this.edits).length > 0; }
  get failed() { return this.outcome?.kind === 'failed'; }
  /** A failed row that must be refreshed before it can be sent again (its version is stale). */
  get stale() { return this.failed && this.outcome.conflict && !this.outcome.refreshed; }

  value(name) { return name in this.edits ? this.edits[name] : this.base[name]; }
  changed(name) { return name in this.edits; }

  /** The user's change of one field; changing it back to the loaded value is no change. */
  set(name, value) {
    if (!this.isNew && same(value, this.base[name])) delete this.edits[name];
    else this.edits[name] = value;
  }

  /** Only the fields the user changed. */
  changes() { return { ...this.edits }; }

  /** The whole item for an API that replaces all fields: loaded state + the user's changes + id and version. */
  whole() {
    const item = Object.fromEntries(this.fields.map((name) => [name, this.value(name) ?? null]));
    if (!this.isNew) { item.id = this.id; item.version = this.base.version; }
    return item;
  }

  /** Saved: the answer is the new base, the user's changes are in it. */
  accept(saved) {
    this.base = saved;
    this.edits = {};
    this.meanwhile = null;
    this.outcome = { kind: 'saved', version: saved.version };
  }

  fail(reason, { field = null, conflict = null } = {}) {
    this.outcome = { kind: 'failed', reason, field, conflict, refreshed: false, others: [] };
  }

  /**
   * The record as saved now becomes the base; the user's own changes stay on top (those that now equal the
   * saved value are dropped). Answers the fields others changed meanwhile.
   */
  rebase(current) {
    const others = this.fields.filter((name) => !same(current[name], this.base[name]));
    this.base = current;
    for (const [name, value] of Object.entries(this.edits)) if (same(value, current[name])) delete this.edits[name];
    this.meanwhile = null;
    if (this.failed) Object.assign(this.outcome, { refreshed: true, others });
    return others;
  }

  /** Throws the user's changes away. */
  discard() { this.edits = {}; this.outcome = null; this.meanwhile = null; }
}

/** "bob, 3 min ago (now version 6)" from a conflict's who/when/version. */
export function conflictText({ by, at, version }) {
  return `${by || 'someone else'} saved it ${at ? ago(at) : 'meanwhile'} (now version ${version})`;
}

/** A word or two for the row's state, shown next to its version: saved, edited, new, not saved, refreshed. */
export function shortStatusOf(row) {
  const o = row.outcome;
  if (o?.kind === 'failed') return h('strong', { class: 'bulk-status failed' }, o.conflict && o.refreshed ? 'Refreshed, not saved' : 'Not saved');
  if (row.dirty) return h('span', { class: 'bulk-status edited' }, row.isNew ? 'New, not saved' : 'Edited, not saved');
  if (o?.kind === 'saved') return h('strong', { class: 'bulk-status saved' }, '✓ Saved');
  return null;
}

/**
 * Why a row was not saved, what a refresh brought, or that someone saved it meanwhile; null when there is
 * nothing to explain. `label(name)` turns a field name into its column label.
 */
export function explanationOf(row, label = (name) => name) {
  const o = row.outcome;
  if (o?.kind === 'failed' && o.conflict && o.refreshed) {
    const theirs = o.others.length ? ` Others changed: ${o.others.map(label).join(', ')}.` : '';
    const mine = Object.keys(row.edits);
    return h('span', { class: 'bulk-status refreshed' }, h('strong', {}, 'Refreshed'),
      ` to version ${row.base.version}.${theirs} `,
      mine.length ? `Your changes (${mine.map(label).join(', ')}) are re-applied; “Retry failed” saves them.`
        : 'Nothing of yours is left to save.');
  }
  if (o?.kind === 'failed') {
    return h('span', { class: 'bulk-status failed' }, h('strong', {}, 'Not saved: '),
      o.conflict ? `${conflictText(o.conflict)}. Your changes are kept here; “Refresh failed rows” shows the saved values.` : o.reason);
  }
  if (row.meanwhile) {
    return h('span', { class: 'bulk-status meanwhile' }, h('strong', {}, 'Changed meanwhile: '),
      `${row.meanwhile.by} saved version ${row.meanwhile.version}. Saving yours will be refused; then refresh the row and retry.`);
  }
  return null;
}

/** Loads every page of a list endpoint (paged at most 500 a page). */
export async function loadAll(path, params = {}) {
  const items = [];
  for (let page = 1; ; page += 1) {
    const answer = await api.get(api.query(path, { ...params, page, size: 500 }));
    const list = Array.isArray(answer) ? answer : answer.items;
    items.push(...list);
    if (Array.isArray(answer) || items.length >= answer.total || list.length === 0) return items;
  }
}
