// Rows edited in place and saved together (the SAN bulk save, the planner's calendar).
//
// A row remembers the record as loaded and only the fields the user changed. The bulk APIs take whole items,
// so an item sent is the record as loaded with the user's changes on top, and always with the loaded version:
// when someone saved the record meanwhile, the server refuses that one item and nothing of theirs is
// overwritten. "Refresh" loads the record as saved now and re-applies only the user's own changes, for review;
// only then is it sent again — never automatically.
import { h, ago, announce } from 'tandem/lib/dom.js';
import { confirmDialog } from './dialog.js';
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

  /**
   * Saved: the answer is the new base. `sent` are the changes that went with the request; anything the user
   * changed while it was on its way stays a change.
   */
  accept(saved, sent = this.edits) {
    const later = Object.entries(this.edits).filter(([name, value]) => !same(value, sent[name]) && !same(value, saved[name]));
    this.base = saved;
    this.edits = Object.fromEntries(later);
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

/**
 * The rows of one bulk-edited grid and what the user does with them: save the changed rows, refresh the rows
 * that failed on a stale version (their own changes re-applied), retry only the failed rows, discard.
 *
 * Options: noun/plural (for messages); fields (edited names); `send(rows)` answers, in any order,
 * [{row, saved: record}] or [{row, failed: {reason, field?, conflict?: {by, at, version}}}] and throws an
 * ApiError when nothing was saved; `fetch(row)` loads a row's record as saved now; `onRows()` when rows came
 * or went (render all), `onRow(row)` when one row's state changed; `shown(row)` whether the grid shows it now
 * (counted in the summary; default all).
 */
export class BulkEdits {
  constructor({ noun, plural, fields, send, fetch, onRows, onRow, shown = () => true }) {
    Object.assign(this, { noun, plural, fields, sendRows: send, fetch, onRows, onRow, shown });
    this.rows = [];
    this.busy = false;
    this.summary = h('span', { class: 'hint', role: 'status', tabindex: '-1' });
    this.saveButton = h('button', { type: 'button', class: 'primary', dataset: { bulk: 'save' }, onclick: () => this.saveChanges() }, 'Save changes');
    this.refreshButton = h('button', { type: 'button', dataset: { bulk: 'refresh' }, onclick: () => this.refreshFailed() }, 'Refresh failed rows');
    this.retryButton = h('button', { type: 'button', dataset: { bulk: 'retry' }, onclick: () => this.retryFailed() }, 'Retry failed');
    this.discardButton = h('button', { type: 'button', dataset: { bulk: 'discard' }, onclick: () => this.discardAll() }, 'Discard changes');
    this.buttons = [this.saveButton, this.refreshButton, this.retryButton, this.discardButton];
  }

  load(records) { this.rows = records.map((r) => new EditedRow(r, this.fields)); this.onRows(); }
  add(row) { this.rows.push(row); this.onRows(); }
  remove(row) { this.rows.splice(this.rows.indexOf(row), 1); this.onRows(); }
  change(row, name, value) {
    row.set(name, value);
    if (row.failed && row.outcome.field === name) row.outcome.field = null;
    this.onRow(row);
  }
  undo(row) {
    if (row.isNew) { this.remove(row); return; }
    row.discard();
    this.onRow(row);
  }

  get dirtyCount() { return this.rows.filter((r) => r.dirty).length; }

  /** The buttons' labels and states and the one-line summary. */
  update() {
    const rows = this.rows;
    const dirty = rows.filter((r) => r.dirty && !r.stale).length;
    const stale = rows.filter((r) => r.stale).length;
    const failed = rows.filter((r) => r.failed).length;
    const retryable = rows.filter((r) => r.failed && !r.stale && r.dirty).length;
    this.saveButton.textContent = `Save changes (${dirty})`;
    this.saveButton.disabled = this.busy || dirty === 0;
    this.refreshButton.textContent = `Refresh failed rows (${stale})`;
    this.refreshButton.hidden = stale === 0;
    this.refreshButton.disabled = this.busy;
    this.retryButton.textContent = `Retry failed (${retryable})`;
    this.retryButton.hidden = failed === 0;
    this.retryButton.disabled = this.busy || retryable === 0;
    this.discardButton.hidden = !rows.some((r) => r.dirty || r.failed);
    this.discardButton.disabled = this.busy;
    const parts = [`${rows.filter((r) => !r.isNew && this.shown(r)).length} ${this.plural}`];
    if (rows.some((r) => r.dirty)) parts.push(`${rows.filter((r) => r.dirty).length} not saved`);
    if (failed) parts.push(`${failed} failed`);
    this.summary.textContent = parts.join(' · ');
  }

  saveChanges() {
    const stale = this.rows.filter((r) => r.stale).length;
    if (stale) announce(`${stale} failed ${stale === 1 ? 'row is' : 'rows are'} not sent again until refreshed (“Refresh failed rows”).`);
    return this.send(this.rows.filter((r) => r.dirty && !r.stale));
  }

  retryFailed() { return this.send(this.rows.filter((r) => r.failed && !r.stale && r.dirty)); }

  async send(rows) {
    if (!rows.length) { announce('Nothing to save.'); return; }
    this.setBusy(true);
    const sent = new Map(rows.map((r) => [r, r.changes()]));
    let results;
    try {
      results = await this.sendRows(rows);
    } catch (error) {
      this.setBusy(false);
      this.keepFocus();
      announce(`Nothing was saved: ${error.message}`, 'error');
      return;
    }
    let saved = 0;
    for (const result of results) {
      if (result.saved) { result.row.accept(result.saved, sent.get(result.row)); saved += 1; } else result.row.fail(result.failed.reason, result.failed);
    }
    const failed = results.length - saved;
    this.busy = false;
    this.onRows();
    this.keepFocus();
    const what = (n) => `${n} ${n === 1 ? this.noun : this.plural}`;
    if (failed) announce(`${saved ? `Saved ${what(saved)}; ` : ''}${failed} not saved — each marked row says why.`, 'error');
    else announce(`Saved ${what(saved)}.`, 'success');
  }

  async refreshFailed() {
    const stale = this.rows.filter((r) => r.stale);
    this.setBusy(true);
    let nothingLeft = 0;
    await Promise.all(stale.map(async (row) => {
      try {
        row.rebase(await this.fetch(row));
        if (!row.dirty) { row.outcome = null; nothingLeft += 1; }
      } catch (error) {
        row.fail(error.status === 404 ? `This ${this.noun} was deleted by someone else.` : error.message);
      }
    }));
    this.busy = false;
    this.onRows();
    this.keepFocus();
    announce(`Refreshed ${stale.length} ${stale.length === 1 ? 'row' : 'rows'} to the saved values with your changes re-applied${
      nothingLeft ? ` (${nothingLeft} had nothing of yours left to save)` : ''}. Check them, then press “Retry failed”.`);
  }

  async discardAll() {
    const count = this.rows.filter((r) => r.dirty || r.failed).length;
    if (!await confirmDialog('Discard changes', `Throw away your unsaved changes in ${count} ${count === 1 ? 'row' : 'rows'}?`, 'Discard')) return;
    this.rows = this.rows.filter((r) => !r.isNew);
    this.rows.forEach((r) => r.discard());
    this.onRows();
    this.keepFocus();
  }

  /**
   * Records as saved now (from a reload after a change event): clean rows take them, edited rows are told that
   * someone saved meanwhile, rows deleted by others go (or are marked when edited), new records are added.
   * Answers whether anything changed.
   */
  merge(records, belongs = () => true) {
    const byId = new Map(records.map((r) => [r.id, r]));
    const known = new Set();
    let changed = false;
    for (const row of [...this.rows]) {
      if (row.isNew) continue;
      known.add(row.id);
      const record = byId.get(row.id);
      if (!record) {
        if (!row.dirty) { this.rows.splice(this.rows.indexOf(row), 1); changed = true; }
        else if (!row.failed) { row.fail(`This ${this.noun} was deleted by someone else.`); changed = true; }
        continue;
      }
      if (record.version <= row.base.version) continue;
      if (!row.dirty && !row.failed) { row.base = record; row.outcome = null; changed = true; }
      else if (!row.failed && row.meanwhile?.version !== record.version) {
        row.meanwhile = { by: record.last_modified_by, version: record.version };
        changed = true;
      }
    }
    for (const record of records) {
      if (!known.has(record.id) && belongs(record)) { this.rows.push(new EditedRow(record, this.fields)); changed = true; }
    }
    if (changed) this.onRows();
    return changed;
  }

  setBusy(value) { this.busy = value; this.update(); }

  /** A button disabled while saving drops the keyboard focus: put it on the next useful step instead. */
  keepFocus() {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const next = [this.retryButton, this.refreshButton, this.saveButton].find((b) => !b.hidden && !b.disabled) || this.summary;
    next.focus();
  }
}
