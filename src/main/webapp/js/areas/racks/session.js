// One audit session: the lease countdown (ticking every second from the server's remaining time at the last
// heartbeat), pause/resume/release/complete, the scan form (into the offline queue; works offline), how far the
// sync is, the session's statistics and scans, and what needs attention. When the lease is lost the form stops
// at once and a banner says why; the session's unsent records wait under "Needs attention".
import { h, announce } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { user } from 'tandem/lib/auth.js';
import { buildForm } from 'tandem/ui/form.js';
import { confirmDialog } from 'tandem/ui/dialog.js';
import * as leases from './leases.js';
import { attentionList } from './attention.js';
import { syncStatus } from './sync-status.js';
import { sessionProgress } from './progress.js';
import { SCAN_FIELDS, scanValues } from './scan.js';
import { clockTime, countdown, plural } from './format.js';

export function renderSession(root, sessionId, sync) {
  const cleanups = [];
  const view = h('div', { class: 'audit-session' }, h('p', { class: 'hint' }, 'Loading the session…'));
  root.append(view);
  let destroyed = false;

  leases.ready().then(async () => {
    if (destroyed) return;
    if (leases.get(sessionId)) { show(); return; }
    // Not one of the live sessions: say what became of it, and still offer what needs attention.
    let session = null;
    try { session = await api.get(`/api/sessions/${encodeURIComponent(sessionId)}`); } catch (error) {
      if (!error.offline && error.status !== 404) announce(error.message, 'error');
    }
    if (destroyed) return;
    const attention = attentionList(sync);
    cleanups.push(attention.destroy);
    view.replaceChildren(
      h('div', { class: 'banner', role: 'alert' }, !session ? 'This audit session cannot be found (or Tandem cannot be reached).'
        : session.user_id !== user()?.id ? `This is ${session.username}'s session on rack ${session.rack_id}.`
          : `Your session on rack ${session.rack_id} no longer holds the rack (${session.status.toLowerCase()}). Scanning is closed.`),
      h('p', {}, h('a', { href: '#/racks' }, 'Back to the racks')),
      attention.element);
  });

  function show() {
    const entry = () => leases.get(sessionId);
    leases.adopt(sessionId);  // working on it here: this browser's heartbeat keeps its lease
    const title = h('h2', { class: 'session-title' });
    const state = h('span', { class: 'state' });
    const meta = h('p', { class: 'hint' });
    const timer = h('span', { class: 'countdown', role: 'timer', 'aria-label': 'Lease time left' });
    const leaseHint = h('span', { class: 'hint lease-hint' });
    const banner = h('div', { class: 'banner lease-lost', role: 'alert', hidden: true });
    const pauseButton = h('button', { type: 'button', onclick: () => pauseOrResume() });
    const completeButton = h('button', { type: 'button', class: 'primary', onclick: () => finish('complete') }, 'Complete audit');
    const releaseButton = h('button', { type: 'button', class: 'danger', onclick: () => finish('release') }, 'Release rack');
    const actions = h('div', { class: 'buttons session-actions' }, pauseButton, releaseButton, completeButton);

    const form = buildForm(SCAN_FIELDS, { onSubmit: () => scan() });
    const addButton = h('button', { type: 'submit', class: 'primary' }, 'Add scan');
    form.element.append(h('div', { class: 'buttons' }, addButton));
    const fieldset = h('fieldset', { class: 'scan' }, h('legend', {}, 'Scan an item'), form.element);
    const formHint = h('p', { class: 'hint scan-hint' });
    const lastScan = h('p', { class: 'last-scan', role: 'status' });
    const code = form.control('item_code');
    // A barcode scanner types the code and Enter: go on to the quantity rather than submitting half a scan.
    code.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && form.control('verified_qty').value === '') { event.preventDefault(); form.control('verified_qty').focus(); }
    });

    const status = syncStatus(sync, { sessionId });
    const progress = sessionProgress(sessionId, sync);
    const attention = attentionList(sync);
    cleanups.push(status.destroy, attention.destroy, progress.destroy);

    view.replaceChildren(
      h('div', { class: 'session-head' },
        h('div', {}, h('div', { class: 'title-line' }, title, state), meta),
        h('p', { class: 'lease' }, 'Lease ', timer, ' ', leaseHint)),
      banner,
      actions,
      h('section', { 'aria-label': 'Scanning' }, fieldset, lastScan, formHint, status.element),
      attention.element,
      progress.element);

    let shownState = '';
    function render() {
      const e = entry();
      if (!e) return;
      const s = e.session;
      title.textContent = `Rack ${s.rack_id}`;
      const paused = s.status === 'PAUSED';
      const lost = e.end?.kind === 'lost';
      const ended = !!e.end;
      const key = `${s.status}:${e.end?.kind}`;
      state.textContent = lost ? 'Lease lost' : ended ? 'Completed' : paused ? 'Paused' : 'Auditing';
      state.className = `state state-${lost ? 'lost' : ended ? 'completed' : paused ? 'paused' : 'active'}`;
      meta.textContent = `${s.floor} · claim #${s.fencing_token}${s.started_at ? ` · started ${clockTime(s.started_at)}` : ''}`;
      pauseButton.textContent = paused ? 'Resume' : 'Pause';
      for (const button of [pauseButton, completeButton, releaseButton]) button.hidden = ended;
      fieldset.disabled = ended || paused;
      formHint.textContent = lost ? 'Scanning stopped: the lease is lost.' : ended ? 'This audit is finished.'
        : paused ? 'Paused: the rack stays yours for a while without heartbeats. Resume to scan.'
          : 'Each scan records the counted quantity of an item; scanning an item again replaces its count. Scans work offline.';
      if (lost) showLost(e);
      tick();
      if (key !== shownState) {
        // Scanning stopped by the lease going: tell at once, and keep the user's focus out of a dead form.
        if (lost && fieldset.contains(document.activeElement)) banner.focus();
        shownState = key;
      }
    }

    function showLost(e) {
      const rack = e.session.rack_id;
      const why = {
        expired: `Your lease on rack ${rack} expired: no heartbeat reached the server in time.`,
        released: `Rack ${rack} was released by ${e.end.by || 'someone'}${e.end.by === user()?.username ? ' (in another window)' : ''}.`,
        taken: `${e.end.by || 'Someone'} claimed rack ${rack} after your lease lapsed.`,
      }[e.end.why] || `The server says your lease on rack ${rack} is lost: it lapsed (e.g. while this device was offline) or someone else claimed the rack.`;
      banner.tabIndex = -1;
      banner.replaceChildren(h('strong', {}, 'Scanning stopped. '), why,
        ' Any records of this session that were not sent are listed under “Needs attention”; they will not be sent under a new claim.',
        h('div', { class: 'buttons' }, h('a', { class: 'button', href: '#/racks' }, 'Back to the racks'),
          ...leases.live().filter((other) => other.session.rack_id === rack).map((other) => h('a', { class: 'button primary',
            href: `#/racks/session/${encodeURIComponent(other.session.id)}` }, `Open your current session on rack ${rack} (claim #${other.session.fencing_token})`))));
      banner.hidden = false;
    }

    function tick() {
      const e = entry();
      if (!e) return;
      const left = leases.remaining(sessionId);
      if (e.end) {
        timer.textContent = '—';
        leaseHint.textContent = '';
        timer.classList.remove('low');
        return;
      }
      timer.textContent = left === null ? '…' : countdown(left);
      timer.classList.toggle('low', left !== null && left <= 15 && e.session.status !== 'PAUSED');
      leaseHint.textContent = e.unconfirmed || !navigator.onLine
        ? (left === 0 ? '(time is up by the last answer; the server decides when it can be reached)' : '(not renewed: no connection)')
        : e.session.status === 'PAUSED' ? '(paused: kept without heartbeats)' : '(renewed every 25 s)';
    }

    async function scan() {
      form.clearErrors();
      const e = entry();
      if (!e || e.end || e.session.status === 'PAUSED') return;
      const { values, error } = scanValues(form);
      if (error) { form.showError(error); return; }
      // The form is cleared at once: a barcode scanner may type the next code before the record is stored.
      const typed = form.read();
      form.set({});
      code.focus();
      try {
        await sync.scan(e.session, values);
        // Said next to the form, not as a pop-up message: an auditor scans dozens of items in a row.
        lastScan.textContent = `Queued ${values.item_code}: ${values.verified_qty} verified${values.damage_qty ? `, ${values.damage_qty} damaged` : ''}`
          + ` (${new Date().toLocaleTimeString()}).`;
      } catch (failure) {
        form.set(typed);
        form.showError({ message: `The scan could not be kept on this device: ${failure.message}` });
      }
    }

    async function pauseOrResume() {
      const action = entry().session.status === 'PAUSED' ? 'resume' : 'pause';
      pauseButton.disabled = true;
      try {
        await leases.pauseOrResume(sessionId, action);
        announce(action === 'pause' ? 'Paused: the rack stays yours without heartbeats for a while.' : 'Resumed.', 'success');
      } catch (error) {
        announce(error.message, 'error');
      } finally {
        pauseButton.disabled = false;
      }
    }

    async function finish(action) {
      const rack = entry().session.rack_id;
      await sync.now();
      const left = (await sync.queue.queued(sessionId)).length;
      const question = `${action === 'complete' ? 'Complete the audit of' : 'Release'} rack ${rack}?`
        + (left ? ` ${plural(left, 'scan')} of it could not be sent yet and will then need your attention.` : ' All scans are on the server.');
      if (!await confirmDialog(action === 'complete' ? 'Complete audit' : 'Release rack', question, action === 'complete' ? 'Complete' : 'Release')) return;
      try {
        await leases.finish(sessionId, action);
        announce(action === 'complete' ? `Audit of rack ${rack} completed.` : `Rack ${rack} released.`, 'success');
        location.hash = '#/racks';
      } catch (error) {
        announce(error.message, 'error');
      }
    }

    cleanups.push(leases.onChange(render));
    const ticker = setInterval(tick, 1000);
    cleanups.push(() => clearInterval(ticker));
    render();
    if (leases.isLive(sessionId) && entry().session.status !== 'PAUSED') code.focus();
  }

  return () => { destroyed = true; cleanups.forEach((cleanup) => cleanup()); };
}
