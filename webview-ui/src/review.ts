// Review suggestions: one item at a time, keyboard first. The page walks the
// queue itself (the next item appears at once) and tells the host about each
// decision; the host writes it and keeps what is needed to undo it. Skips
// never reach the host. Keys: Enter/Y accept, a category key picks, N/→ skip,
// Backspace/U undo, Esc leave. See docs/review-suggestions.md.
import { html, nothing, render, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { effectiveTags, suggestedTag, type Feedback } from '../../src/core/model';
import { batchCandidates, defaultDirection, reviewQueue, type ReviewAction, type ReviewDirection } from '../../src/core/review';
import type { JournalSnapshot } from '../../src/protocol';
import type { AppContext } from './context';
import { formatDate as localDate } from './dates';
import { bodyOf, safeHref } from './row';
import * as l10n from '@vscode/l10n';
import { withParts } from './l10n';

/** Category shortcut keys, in category order; Y, N and U are taken by accept, skip and undo. */
export const CATEGORY_KEYS = '1234567890abcdefghijklmopqrstvwxz';
const THRESHOLDS = [0.95, 0.9, 0.8, 0.7, 0.5];
const HUNK_LINES = 12;
const PREVIEW_ROWS = 200;

type Step =
  | { kind: 'skip'; ids: string[]; cursor: number }
  | { kind: 'decide' | 'batch'; ids: string[]; cursor: number; label: string; sent: Promise<boolean> };

interface Session {
  direction: ReviewDirection;
  /** Ids in queue order, fixed for the session; new untagged items are appended. */
  order: string[];
  inOrder: Set<string>;
  /** Decided, skipped or tagged elsewhere: passed over. */
  handled: Set<string>;
  cursor: number;
  /** Decisions made before this session (from saved state). */
  reviewedBefore: number;
  decided: number;
  history: Step[];
  /** Brought back by undo: shown even while the host's write of their tag is still in the snapshot. */
  revived: Set<string>;
}

interface Batch {
  category: string;
  min: number;
  preview: boolean;
}

export class ReviewView {
  private ctx: AppContext | undefined;
  private host: HTMLElement | undefined;
  private session: Session | undefined;
  private byId = new Map<string, Feedback>();
  private byIdFor: JournalSnapshot | undefined;
  private batch: Batch | undefined;
  private announcement = '';
  /** Undo requests run after the write they undo has been answered. */
  private chain: Promise<unknown> = Promise.resolve();

  /** The shell renders only this static host; the view draws into it itself, so a key press re-renders nothing else. */
  template(ctx: AppContext): TemplateResult {
    this.ctx = ctx;
    return html`<div class="review-host" data-testid="review"></div>`;
  }

  afterRender(root: HTMLElement, focus = false): void {
    this.host = root.querySelector<HTMLElement>('.review-host') ?? undefined;
    this.draw();
    if (focus) {
      this.focus();
      // The tab panel is shown by vscode-tabs on its next update; focus once it is visible.
      requestAnimationFrame(() => this.focus());
    }
  }

  focus(): void {
    const el = this.host?.querySelector<HTMLElement>('.review');
    if (el && el !== document.activeElement) el.focus();
  }

  /** Count shown on the Overview and in the tab: items waiting in the saved direction. */
  static direction(ctx: AppContext): ReviewDirection {
    return ctx.state.review.direction ?? defaultDirection(ctx.snapshot.feedback, ctx.snapshot.engineer.login);
  }

  private sync(ctx: AppContext): Session {
    const snapshot = ctx.snapshot;
    if (this.byIdFor !== snapshot) {
      this.byId = new Map(snapshot.feedback.map((f) => [f.id, f]));
      this.byIdFor = snapshot;
      if (this.session) this.appendNew(ctx, this.session);
    }
    const direction = ReviewView.direction(ctx);
    if (!this.session || this.session.direction !== direction) this.session = this.start(ctx, direction);
    return this.session;
  }

  private start(ctx: AppContext, direction: ReviewDirection): Session {
    const order = reviewQueue(ctx.snapshot.feedback, { login: ctx.snapshot.engineer.login, direction, now: ctx.now, skipped: new Set(ctx.state.review.skipped) }).map((f) => f.id);
    this.batch = undefined;
    return { direction, order, inOrder: new Set(order), handled: new Set(), cursor: 0, reviewedBefore: ctx.state.review.reviewed, decided: 0, history: [], revived: new Set() };
  }

  /** Items synced while reviewing join the end of the queue. */
  private appendNew(ctx: AppContext, s: Session): void {
    const fresh = reviewQueue(ctx.snapshot.feedback, { login: ctx.snapshot.engineer.login, direction: s.direction, now: ctx.now }).filter((f) => !s.inOrder.has(f.id));
    for (const f of fresh) {
      s.order.push(f.id);
      s.inOrder.add(f.id);
    }
  }

  /** The item shown: the first not yet handled at or after the cursor; items tagged elsewhere are passed over. */
  private current(s: Session): Feedback | undefined {
    while (s.cursor < s.order.length) {
      const id = s.order[s.cursor]!;
      const f = this.byId.get(id);
      if (!s.handled.has(id) && f && (s.revived.has(id) || effectiveTags(f).length === 0)) return f;
      s.handled.add(id);
      s.cursor++;
    }
    return undefined;
  }

  private remaining(s: Session): Feedback[] {
    const out: Feedback[] = [];
    for (let i = s.cursor; i < s.order.length; i++) {
      const id = s.order[i]!;
      const f = this.byId.get(id);
      if (f && !s.handled.has(id) && (s.revived.has(id) || effectiveTags(f).length === 0)) out.push(f);
    }
    return out;
  }

  draw(): void {
    const ctx = this.ctx;
    if (!ctx || !this.host || !this.host.isConnected) return;
    render(this.view(ctx), this.host);
  }

  private view(ctx: AppContext): TemplateResult {
    const s = this.sync(ctx);
    const item = this.current(s);
    const total = s.reviewedBefore + s.order.length;
    const position = Math.min(total, s.reviewedBefore + s.handled.size + 1);
    const progress = item ? l10n.t('{0} of {1}', position, total) : l10n.t('{0} of {1} reviewed', s.reviewedBefore + s.decided, total);
    const ro = ctx.snapshot.readOnly;
    return html`<section class="review" tabindex="0" aria-label=${l10n.t('Review suggestions')} aria-describedby="review-keys" aria-keyshortcuts="Enter Y N ArrowRight Backspace U Escape"
        @keydown=${(e: KeyboardEvent) => this.onKey(e)}>
      <div class="toolbar">
        <label class="field" for="review-direction">${l10n.t('Review')}</label>
        <select id="review-direction" class="native-select" aria-label=${l10n.t('Which feedback to review')} @change=${(e: Event) => this.setDirection((e.target as HTMLSelectElement).value as ReviewDirection)}>
          <option value="received" ?selected=${s.direction === 'received'}>${l10n.t('Feedback I received')}</option>
          <option value="given" ?selected=${s.direction === 'given'}>${l10n.t('Comments I gave')}</option>
        </select>
        <span class="spacer"></span>
        <progress max=${Math.max(1, total)} value=${Math.max(0, position - (item ? 1 : 0))} aria-hidden="true"></progress>
        <span class="review-progress" data-testid="review-progress">${progress}</span>
      </div>
      <p class="sr-only" aria-live="polite" data-testid="review-live">${this.announcement} ${progress}.</p>
      ${ro ? html`<p class="notice" role="note">${l10n.t('Read-only: {0}', ctx.snapshot.readOnlyReason ?? l10n.t('this journal cannot be changed here.'))}</p>` : nothing}
      ${item ? this.card(ctx, item) : this.done(ctx, s)}
      ${item && !ro ? this.categories(ctx, item) : nothing}
      <p id="review-keys" class="hint keys">
        ${withParts(
          l10n.t('{0}/{1} accept · category key picks another · {2}/{3} skip · {4}/{5} undo · {6} leave (progress is kept)'),
          ...['Enter', 'Y', 'N', '→', 'Backspace', 'U', 'Esc'].map((k) => html`<kbd>${k}</kbd>`),
        )}
      </p>
      ${ro ? nothing : this.batchPanel(ctx, s)}
    </section>`;
  }

  private card(ctx: AppContext, f: Feedback): TemplateResult {
    const body = bodyOf(f);
    const s = suggestedTag(f);
    const given = this.session?.direction === 'given';
    const hunk = f.diffHunk ? f.diffHunk.split('\n').slice(-HUNK_LINES) : [];
    return html`<article class="review-item" data-testid="review-item" data-id=${f.id} aria-labelledby="review-item-h">
      <h2 id="review-item-h" class="review-head">
        <span>${withParts(
          given ? l10n.t('To {0} on {1}') : l10n.t('From {0} on {1}'),
          html`<strong>${given ? f.author : f.reviewer}</strong>`,
          html`<a href=${safeHref(f.prUrl)} class="pr-link">${f.repo}#${f.prNumber}</a>`,
        )}${f.prTitle ? html` <span class="muted">${f.prTitle}</span>` : nothing}</span>
        <span class="spacer"></span><time class="muted" datetime=${f.createdAt}>${formatDate(f.createdAt)}</time>
      </h2>
      ${f.path ? html`<p class="muted path" data-testid="review-path">${f.path}${f.line ? `:${f.line}` : ''}</p>` : nothing}
      ${hunk.length ? html`<pre class="hunk" aria-label=${l10n.t('Diff hunk')}>${hunk.map((l) => html`<span class=${l.startsWith('+') ? 'add' : l.startsWith('-') ? 'del' : l.startsWith('@@') ? 'at' : ''}>${l}\n</span>`)}</pre>` : nothing}
      <div class="body markdown review-body">${unsafeHTML(body.html)}${body.truncated ? html`<p class="muted">${l10n.t('(Long comment shortened here — open it on GitHub to read all of it.)')}</p>` : nothing}</div>
      <p class="suggestion" data-testid="review-suggestion">${s
        ? html`<span class="codicon codicon-sparkle" aria-hidden="true"></span> ${withParts(
            l10n.t('Suggested: {0} {1} — {2} accepts'),
            html`<strong>${ctx.categoryLabel(s.category)}</strong>`,
            html`<span class="muted">(${confidenceText(s.confidence)})</span>`,
            html`<kbd>Enter</kbd>`,
          )}`
        : html`<span class="codicon codicon-question" aria-hidden="true"></span> ${withParts(l10n.t('Not sure: no suggestion for this one. Pick a category, or {0} to skip.'), html`<kbd>N</kbd>`)}`}</p>
    </article>`;
  }

  private categories(ctx: AppContext, f: Feedback): TemplateResult {
    const s = suggestedTag(f);
    return html`<div class="review-cats" role="group" aria-label=${l10n.t('Categories')}>
      ${ctx.snapshot.categories.slice(0, CATEGORY_KEYS.length).map((c, i) => {
        const key = CATEGORY_KEYS[i]!;
        // Named by its visible label (axe: label-content-name-mismatch); the key is in aria-keyshortcuts.
        return html`<button class="cat-btn ${s?.category === c.id ? 'suggested' : ''}" data-category=${c.id} aria-keyshortcuts=${key}
          @click=${() => this.decide({ kind: 'pick', category: c.id })}>
          <kbd aria-hidden="true">${key.toUpperCase()}</kbd> <span class="codicon codicon-${c.icon.replace(/[^a-z0-9-]/g, '') || 'tag'}" aria-hidden="true"></span> ${c.label}${s?.category === c.id ? html`<span class="sr-only"> ${l10n.t('(suggested)')}</span>` : nothing}</button>`;
      })}
    </div>`;
  }

  private done(ctx: AppContext, s: Session): TemplateResult {
    const skipped = ctx.state.review.skipped.length;
    return html`<div class="empty review-done" data-testid="review-done">
      <p>${s.order.length === 0 && s.reviewedBefore === 0 ? l10n.t('Nothing to review: every comment here has a confirmed tag.') : l10n.t('All done: {0} reviewed.', s.reviewedBefore + s.decided)}</p>
      ${skipped > 0 ? html`<vscode-button @click=${() => this.restart(true)}>${l10n.t('Review the {0} skipped', skipped)}</vscode-button>` : nothing}
      <vscode-button secondary @click=${() => this.leave()}>${l10n.t('Back to the overview')}</vscode-button>
    </div>`;
  }

  private batchPanel(ctx: AppContext, s: Session): TemplateResult {
    const remaining = this.remaining(s);
    const counts = new Map<string, number>();
    for (const f of remaining) {
      const t = suggestedTag(f);
      if (t) counts.set(t.category, (counts.get(t.category) ?? 0) + 1);
    }
    if (counts.size === 0) return html``;
    const b = (this.batch ??= { category: [...counts].sort((a, c) => c[1] - a[1])[0]![0], min: 0.9, preview: false });
    const items = batchCandidates(remaining, b.category, b.min);
    const label = ctx.categoryLabel(b.category);
    const set = (patch: Partial<Batch>) => {
      this.batch = { ...b, preview: false, ...patch };
      this.draw();
    };
    return html`<section class="batch" aria-labelledby="batch-h">
      <h2 id="batch-h">${l10n.t('Accept in bulk')}</h2>
      <div class="toolbar">
        <label for="batch-category">${l10n.t('Every suggestion for')}</label>
        <select id="batch-category" class="native-select" @change=${(e: Event) => set({ category: (e.target as HTMLSelectElement).value })}>
          ${ctx.snapshot.categories.filter((c) => counts.has(c.id)).map((c) => html`<option value=${c.id} ?selected=${c.id === b.category}>${c.label} (${counts.get(c.id)})</option>`)}
        </select>
        <label for="batch-min">${l10n.t('with confidence ≥')}</label>
        <select id="batch-min" class="native-select" @change=${(e: Event) => set({ min: Number((e.target as HTMLSelectElement).value) })}>
          ${THRESHOLDS.map((t) => html`<option value=${t} ?selected=${t === b.min}>${t.toFixed(2)}</option>`)}
        </select>
        <vscode-button id="batch-preview" ?disabled=${items.length === 0} @click=${() => set({ preview: true })}>${items.length === 1 ? l10n.t('Preview 1 item') : l10n.t('Preview {0} items', items.length)}</vscode-button>
      </div>
      ${b.preview && items.length > 0
        ? html`<div class="batch-preview" role="region" aria-label=${l10n.t('Batch preview')} data-testid="batch-preview">
            <p>${withParts(l10n.t('Accept {0} on these {1} comments (confidence ≥ {2})? One step to undo.'), html`<strong>${label}</strong>`, items.length, b.min.toFixed(2))}</p>
            <ol class="batch-list">${items.slice(0, PREVIEW_ROWS).map((f) => html`<li data-id=${f.id}><span class="muted">${confidenceText(suggestedTag(f)?.confidence)}</span> ${f.reviewer}: ${excerptOf(f)}</li>`)}</ol>
            ${items.length > PREVIEW_ROWS ? html`<p class="muted">${l10n.t('…and {0} more.', items.length - PREVIEW_ROWS)}</p>` : nothing}
            <div class="toolbar">
              <vscode-button id="batch-apply" @click=${() => this.applyBatch(b.category, b.min, items)}>${l10n.t('Accept {0}', items.length)}</vscode-button>
              <vscode-button secondary @click=${() => set({ preview: false })}>${l10n.t('Cancel')}</vscode-button>
            </div>
          </div>`
        : nothing}
    </section>`;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const tag = target?.tagName?.toLowerCase() ?? '';
    // Form controls keep their keys; buttons keep Enter and Space.
    if (['input', 'select', 'textarea', 'option'].includes(tag) || target?.closest?.('vscode-single-select, vscode-textfield, .batch')) {
      if (e.key === 'Escape') this.leave();
      return;
    }
    const onButton = tag === 'button' || tag === 'a' || tag.startsWith('vscode-');
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    let handled = true;
    if ((key === 'Enter' || key === 'y') && !(onButton && key === 'Enter')) this.decide({ kind: 'accept' });
    else if (key === 'n' || key === 'ArrowRight') this.skip();
    else if (key === 'Backspace' || key === 'u') this.undo();
    else if (key === 'Escape') this.leave();
    else if (key.length === 1 && CATEGORY_KEYS.includes(key) && !(onButton && key === ' ')) {
      const c = this.ctx?.snapshot.categories[CATEGORY_KEYS.indexOf(key)];
      if (c) this.decide({ kind: 'pick', category: c.id });
      else handled = false;
    } else handled = false;
    if (handled) e.preventDefault();
  }

  private decide(action: ReviewAction): void {
    const ctx = this.ctx;
    const s = this.session;
    const f = s && this.current(s);
    if (!ctx || !s || !f || ctx.snapshot.readOnly) return;
    const suggestion = suggestedTag(f);
    if (action.kind === 'accept' && !suggestion) {
      this.say(l10n.t('No suggestion to accept: pick a category or skip.'));
      this.draw();
      return;
    }
    const category = action.kind === 'accept' ? suggestion!.category : action.category;
    const accepted = action.kind === 'accept' || category === suggestion?.category;
    const label = accepted ? l10n.t('Accepted {0}', ctx.categoryLabel(category)) : l10n.t('Tagged {0}', ctx.categoryLabel(category));
    const cursor = s.cursor;
    s.handled.add(f.id);
    s.revived.delete(f.id);
    s.decided++;
    s.cursor++;
    this.saveProgress(ctx, s);
    const sent = ctx.send({ type: 'review/decide', feedbackId: f.id, decision: action }).then((r) => {
      if (r.ok) return true;
      this.failed(step, r.error);
      return false;
    });
    const step: Step = { kind: 'decide', ids: [f.id], cursor, label, sent };
    s.history.push(step);
    this.say(l10n.t('{0}.', label));
    this.draw();
  }

  private skip(): void {
    const ctx = this.ctx;
    const s = this.session;
    const f = s && this.current(s);
    if (!ctx || !s || !f) return;
    s.history.push({ kind: 'skip', ids: [f.id], cursor: s.cursor });
    s.handled.add(f.id);
    s.revived.delete(f.id);
    s.cursor++;
    if (!ctx.state.review.skipped.includes(f.id)) ctx.persist({ review: { ...ctx.state.review, skipped: [...ctx.state.review.skipped, f.id].slice(-5_000) } });
    this.say(l10n.t('Skipped.'));
    this.draw();
  }

  private applyBatch(category: string, min: number, items: Feedback[]): void {
    const ctx = this.ctx;
    const s = this.session;
    if (!ctx || !s || items.length === 0) return;
    const ids = items.map((f) => f.id);
    ids.forEach((id) => (s.handled.add(id), s.revived.delete(id)));
    s.decided += ids.length;
    this.saveProgress(ctx, s);
    const label = l10n.t('Accepted {0} on {1}', ctx.categoryLabel(category), ids.length);
    const sent = ctx.send({ type: 'review/batch', category, minConfidence: min, feedbackIds: ids }).then((r) => {
      if (!r.ok) {
        this.failed(step, r.error);
        return false;
      }
      const skipped = r.skipped ?? 0;
      ctx.toast(skipped ? l10n.t('{0}; {1} had changed meanwhile and were left as they are.', label, skipped) : l10n.t('{0}.', label), { action: { label: l10n.t('Undo'), run: () => this.undo(step) } });
      return true;
    });
    const step: Step = { kind: 'batch', ids, cursor: s.cursor, label, sent };
    s.history.push(step);
    this.batch = { category, min, preview: false };
    this.say(l10n.t('{0}.', label));
    this.draw();
    this.focus();
  }

  /** Undoes the last step (or `only` when it is still the last one, from the batch toast). */
  private undo(only?: Step): void {
    const ctx = this.ctx;
    const s = this.session;
    if (!ctx || !s) return;
    const step = s.history.at(-1);
    if (!step || (only && step !== only)) {
      this.say(only ? l10n.t('Only the last decision can be undone.') : l10n.t('Nothing to undo.'));
      this.draw();
      return;
    }
    s.history.pop();
    step.ids.forEach((id) => s.handled.delete(id));
    // The tag written for a decision may already be in the snapshot; the undo below removes it.
    if (step.kind !== 'skip') step.ids.forEach((id) => s.revived.add(id));
    s.cursor = Math.min(s.cursor, step.cursor);
    if (step.kind === 'skip') {
      ctx.persist({ review: { ...ctx.state.review, skipped: ctx.state.review.skipped.filter((id) => !step.ids.includes(id)) } });
    } else {
      s.decided -= step.ids.length;
      this.saveProgress(ctx, s);
      const ids = step.ids;
      this.chain = this.chain.then(async () => {
        if (!(await step.sent)) return; // the write failed: nothing to undo on the host
        const r = await ctx.send({ type: 'review/undo', feedbackIds: ids });
        if (!r.ok) ctx.toast(r.error, { error: true });
      });
    }
    this.say(step.kind === 'skip' ? l10n.t('Skip undone.') : l10n.t('Undone: {0}.', step.label));
    this.draw();
    this.focus();
  }

  /** A write the host refused: the items come back into the queue at the cursor. */
  private failed(step: Step, error: string): void {
    const ctx = this.ctx;
    const s = this.session;
    if (!ctx || !s) return;
    const at = s.history.indexOf(step);
    if (at >= 0) s.history.splice(at, 1);
    step.ids.forEach((id) => s.handled.delete(id));
    s.decided -= step.ids.length;
    s.cursor = Math.min(s.cursor, step.cursor);
    this.saveProgress(ctx, s);
    ctx.toast(error, { error: true });
    this.draw();
  }

  private saveProgress(ctx: AppContext, s: Session): void {
    ctx.persist({ review: { ...ctx.state.review, direction: s.direction, reviewed: s.reviewedBefore + s.decided } });
  }

  private setDirection(direction: ReviewDirection): void {
    const ctx = this.ctx;
    if (!ctx) return;
    ctx.persist({ review: { direction, reviewed: 0, skipped: [] } });
    this.draw();
  }

  private restart(withSkipped: boolean): void {
    const ctx = this.ctx;
    const s = this.session;
    if (!ctx || !s) return;
    ctx.persist({ review: { direction: s.direction, reviewed: 0, skipped: withSkipped ? [] : ctx.state.review.skipped } });
    this.session = undefined;
    this.draw();
    this.focus();
  }

  private leave(): void {
    this.ctx?.update({ tab: 'overview' });
  }

  private say(text: string): void {
    this.announcement = text;
  }
}

function confidenceText(c: number | undefined): string {
  return c === undefined ? l10n.t('confidence unknown') : l10n.t('{0}% confident', Math.round(c * 100));
}

function excerptOf(f: Feedback): string {
  const t = f.body.replace(/<!--[\s\S]*?-->/g, ' ').replace(/\s+/g, ' ').trim();
  return t.length > 120 ? `${t.slice(0, 119)}…` : t;
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : localDate(d);
}
