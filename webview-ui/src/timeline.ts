// Timeline tab: filters and a virtualised list. Only the rows in view (plus
// overscan) are in the DOM. Rows size to their content: a row not yet seen
// counts with an estimated height, and every rendered row is measured (per
// item and state), so 10,000 items scroll without rendering 10,000 rows.
import { html, nothing, render, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { UNTAGGED } from '../../src/core/journalStats';
import type { Entry, Feedback } from '../../src/core/model';
import type { JournalSnapshot, TimelineFilters } from '../../src/protocol';
import type { AppContext } from './context';
import { facetValues, filterFeedback, type SearchIndex } from './filter';
import { ROW_ESTIMATE, rowTemplate } from './row';
import { RowGeometry } from './virtualRange';
import * as l10n from '@vscode/l10n';

const OVERSCAN = 4;

export class TimelineView {
  private ctx: AppContext | undefined;
  private items: Feedback[] = [];
  private itemsKey: unknown[] = [];
  private geometry = new RowGeometry(0, ROW_ESTIMATE);
  private readonly measured = new Map<string, number>();
  private linking: string | undefined;
  private index: SearchIndex = new WeakMap();
  private indexFor: JournalSnapshot | undefined;
  private viewport: HTMLElement | undefined;
  private frame = 0;
  private needsFit = false;
  private restoreScroll: number | undefined;
  /** The item that was at the top of the view, to bring back after a reload (heights are measured anew). */
  private restoreAnchor: string | undefined;
  private resizeObserver: ResizeObserver | undefined;
  /** Bench baseline only: render every row (set by the bench page). */
  private readonly renderAll = document.body.dataset.benchRenderAll === 'true';

  private readonly onSearch = debounce((e: Event) => {
    const ctx = this.ctx;
    if (ctx) ctx.update({ filters: { ...ctx.state.filters, text: (e.target as HTMLInputElement).value }, scrollTop: 0 });
  }, 200);

  template(ctx: AppContext): TemplateResult {
    this.ctx = ctx;
    const { snapshot, state } = ctx;
    if (this.indexFor !== snapshot) {
      this.index = new WeakMap();
      this.indexFor = snapshot;
    }
    const key = [snapshot, state.filters.category, state.filters.reviewer, state.filters.repo, state.filters.text, state.filters.direction];
    if (key.some((k, i) => k !== this.itemsKey[i])) {
      // A filter change (not a data change) starts again at the top.
      if (this.itemsKey.length > 0 && key.slice(1).some((k, i) => k !== this.itemsKey[i + 1])) {
        this.restoreScroll = 0;
        this.restoreAnchor = undefined;
      }
      this.items = filterFeedback(snapshot.feedback, state.filters, snapshot.engineer.login, this.index);
      this.itemsKey = key;
      this.rebuildGeometry();
    }
    const f = state.filters;
    const set = (patch: Partial<TimelineFilters>) => ctx.update({ filters: { ...f, ...patch }, scrollTop: 0 });
    const reviewers = facetValues(snapshot.feedback, 'reviewer');
    const repos = facetValues(snapshot.feedback, 'repo');
    return html`
      <div class="filters" role="search" aria-label=${l10n.t('Filter feedback')}>
        ${select(l10n.t('Show'), f.direction, [['received', l10n.t('Received')], ['given', l10n.t('Given')], ['all', l10n.t('Received and given')]], (v) => set({ direction: v as TimelineFilters['direction'] }))}
        ${select(l10n.t('Category'), f.category, [['', l10n.t('All categories')], ...snapshot.categories.map((c) => [c.id, c.label] as [string, string]), [UNTAGGED, l10n.t('Untagged')]], (v) => set({ category: v }))}
        ${select(l10n.t('Reviewer'), f.reviewer, [['', l10n.t('All reviewers')], ...reviewers.map((r) => [r, r] as [string, string])], (v) => set({ reviewer: v }))}
        ${select(l10n.t('Repository'), f.repo, [['', l10n.t('All repositories')], ...repos.map((r) => [r, r] as [string, string])], (v) => set({ repo: v }))}
        <vscode-textfield class="search" placeholder=${l10n.t('Search text')} .label=${l10n.t('Search feedback text')} .value=${f.text}
          @input=${this.onSearch}></vscode-textfield>
      </div>
      ${unshownNotice(ctx)}
      <p class="muted count" aria-live="polite" data-testid="timeline-count">${this.items.length === snapshot.feedback.length ? l10n.t('{0} comments', this.items.length) : l10n.t('{0} of {1} comments', this.items.length, snapshot.feedback.length)}</p>
      ${snapshot.feedback.length === 0
        ? html`<div class="empty"><p>${l10n.t('No feedback yet — sync or open demo data.')}</p></div>`
        : this.items.length === 0
          ? html`<div class="empty"><p>${l10n.t('Nothing matches these filters.')}</p></div>`
          : html`<div class="viewport" role="feed" aria-label=${l10n.t('Feedback, newest first')} tabindex="-1" @scroll=${() => this.onScroll()}>
              <div class="spacer-box"></div></div>`}`;
  }

  afterRender(root: HTMLElement): void {
    const vp = root.querySelector<HTMLElement>('.viewport') ?? undefined;
    const fresh = vp !== this.viewport;
    this.viewport = vp;
    if (fresh) {
      // The tab panel may still be hidden on first render (vscode-tabs updates
      // asynchronously), so lay out again whenever the viewport gets a size.
      this.resizeObserver?.disconnect();
      this.resizeObserver = vp ? new ResizeObserver(() => this.onScroll(true)) : undefined;
      if (vp) this.resizeObserver?.observe(vp);
    }
    if (!vp) return;
    this.fitViewport();
    if (fresh && this.ctx) {
      this.restoreScroll = this.ctx.state.scrollTop;
      this.restoreAnchor = this.ctx.state.anchor;
    }
    this.renderRows();
  }

  /** Gives the list the rest of the window's height; the CSSOM is CSP-safe. */
  fitViewport(): void {
    const vp = this.viewport;
    if (!vp) return;
    const top = vp.getBoundingClientRect().top;
    vp.style.height = `${Math.max(160, window.innerHeight - top - 12)}px`;
  }

  /** Heights are kept per item and state: collapsed, expanded, or with the link picker open. */
  private sizeKey(id: string, expanded: ReadonlySet<string>): string {
    return `${id}\u0000${expanded.has(id) ? 'x' : ''}${this.linking === id ? 'l' : ''}`;
  }

  private rebuildGeometry(): void {
    const expanded = new Set(this.ctx?.state.expanded ?? []);
    this.geometry = new RowGeometry(this.items.length, ROW_ESTIMATE, (i) => this.measured.get(this.sizeKey(this.items[i]!.id, expanded)));
  }

  private onScroll(resized = false): void {
    if (resized) this.needsFit = true;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.needsFit) this.fitViewport();
      this.needsFit = false;
      this.renderRows();
      const vp = this.viewport;
      if (vp && vp.clientHeight > 0) this.ctx?.persist({ scrollTop: vp.scrollTop, anchor: this.items[this.geometry.indexAt(vp.scrollTop)]?.id });
    });
  }

  renderRows(): void {
    const vp = this.viewport;
    const ctx = this.ctx;
    if (!vp || !ctx) return;
    const box = vp.querySelector<HTMLElement>('.spacer-box')!;
    if (this.restoreScroll !== undefined && vp.clientHeight > 0) {
      box.style.height = `${this.geometry.totalHeight}px`;
      const anchor = this.restoreAnchor ? this.items.findIndex((f) => f.id === this.restoreAnchor) : -1;
      vp.scrollTop = anchor >= 0 ? this.geometry.offsetOf(anchor) : this.restoreScroll;
      this.restoreScroll = undefined;
      this.restoreAnchor = undefined;
    }
    const { start, end } = this.renderAll
      ? { start: 0, end: this.items.length }
      : this.geometry.visibleRange(vp.scrollTop, vp.clientHeight, OVERSCAN);
    const expanded = new Set(ctx.state.expanded);
    const entries = ctx.snapshot.entries;
    const linkedTo = (id: string): Entry[] => entries.filter((e) => e.links.includes(id));
    const visible = this.items.slice(start, end);
    render(
      html`<div class="rows">
        ${repeat(visible, (f) => f.id, (f, i) => rowTemplate(ctx, f, {
          expanded: expanded.has(f.id),
          linking: this.linking === f.id,
          index: start + i,
          setSize: this.items.length,
          linkedEntries: linkedTo(f.id),
        }, {
          toggle: (item) => this.toggle(item),
          openLinkPicker: (item) => this.openLinkPicker(item),
        }))}
      </div>`,
      box,
    );
    // CSSOM, not a style attribute: the CSP blocks inline style attributes (Lit's styleMap writes one on first render).
    box.querySelector<HTMLElement>('.rows')!.style.transform = `translateY(${this.geometry.offsetOf(start)}px)`;
    box.style.height = `${this.geometry.totalHeight}px`;
    this.measure(box);
  }

  /**
   * Records the height of every rendered row and marks bodies cut short; when
   * a height changed, lays out again, keeping the row at the top of the view
   * where it was (rows above it that grew or shrank move the scroll position).
   */
  private measure(box: HTMLElement): void {
    const vp = this.viewport!;
    const expanded = new Set(this.ctx?.state.expanded ?? []);
    const firstShown = this.geometry.indexAt(vp.scrollTop);
    let changed = false;
    let shiftAbove = 0;
    box.querySelectorAll<HTMLElement>('.row').forEach((el) => {
      const id = el.dataset.id!;
      const body = el.querySelector<HTMLElement>('.body');
      if (body) body.classList.toggle('clipped', !expanded.has(id) && body.scrollHeight > body.clientHeight + 1);
      const h = el.offsetHeight;
      const key = this.sizeKey(id, expanded);
      const old = this.measured.get(key);
      if (h > 0 && old !== h) {
        const index = Number(el.getAttribute('aria-posinset')) - 1;
        if (index < firstShown) shiftAbove += h - (old ?? this.geometry.heightOf(index));
        this.measured.set(key, h);
        changed = true;
      }
    });
    if (changed) {
      this.rebuildGeometry();
      box.style.height = `${this.geometry.totalHeight}px`;
      if (shiftAbove !== 0 && !this.renderAll) vp.scrollTop += shiftAbove;
      const rows = box.querySelector<HTMLElement>('.rows');
      const { start } = this.geometry.visibleRange(vp.scrollTop, vp.clientHeight, OVERSCAN);
      if (rows && !this.renderAll) rows.style.transform = `translateY(${this.geometry.offsetOf(start)}px)`;
    }
  }

  private toggle(f: Feedback): void {
    const ctx = this.ctx!;
    const set = new Set(ctx.state.expanded);
    if (set.has(f.id)) set.delete(f.id);
    else set.add(f.id);
    ctx.persist({ expanded: [...set].slice(-200) });
    this.rebuildGeometry();
    this.renderRows();
    // Keep keyboard focus on the toggle after re-render.
    this.viewport?.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(f.id)}"] .row-head button`)?.focus();
  }

  private openLinkPicker(f: Feedback | undefined): void {
    this.linking = f?.id;
    this.rebuildGeometry();
    this.renderRows();
    if (f) this.viewport?.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(f.id)}"] select`)?.focus();
  }

  /** The snapshot changed (a write): rows re-render with the new data. */
  refresh(): void {
    this.rebuildGeometry();
    this.renderRows();
  }
}

const MAX_PLACEHOLDERS = 20;

/** One placeholder per item that failed validation (logged by the bridge); the rest of the list renders. */
function unshownNotice(ctx: AppContext): TemplateResult | typeof nothing {
  const list = ctx.unshown;
  if (list.length === 0) return nothing;
  return html`<div class="unshown" role="note" data-testid="unshown">
    ${list.slice(0, MAX_PLACEHOLDERS).map((u) => html`<p class="placeholder" data-index=${u.index}><span class="codicon codicon-warning" aria-hidden="true"></span>
      ${l10n.t('This comment could not be shown: {0}.', u.reason)}${u.id ? html` <span class="muted">(${short(u.id)})</span>` : nothing}</p>`)}
    ${list.length > MAX_PLACEHOLDERS ? html`<p class="placeholder">${l10n.t('… and {0} more comments that could not be shown.', list.length - MAX_PLACEHOLDERS)}</p>` : nothing}
  </div>`;
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function select(label: string, value: string, options: [string, string][], onChange: (v: string) => void): TemplateResult {
  return html`<label class="filter"><span class="filter-label">${label}</span>
    <vscode-single-select label=${label} .value=${value} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${options.map(([v, l]) => html`<vscode-option value=${v} ?selected=${v === value}>${l}</vscode-option>`)}
    </vscode-single-select></label>${nothing}`;
}

function debounce<E>(fn: (e: E) => void, ms: number): (e: E) => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return (e: E) => {
    if (t) clearTimeout(t);
    t = setTimeout(() => fn(e), ms);
  };
}
