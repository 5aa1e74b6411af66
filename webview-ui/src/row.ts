// One timeline row: header, tag chips (suggestions distinct, with accept and
// reject), the sanitised body, and actions. Rows size to their content (a
// collapsed row shows at most a few lines of the body); the timeline measures them.
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { effectiveTags, suggestedTag, type Entry, type Feedback } from '../../src/core/model';
import type { AppContext } from './context';
import { TAG_STATE_WORDS } from '../../src/core/vocabulary';
import { renderMarkdown, type RenderedBody } from './markdown';
import { formatDate as localDate } from './dates';
import * as l10n from '@vscode/l10n';
import { withParts } from './l10n';

/** Height a row counts with until it has been rendered and measured. */
export const ROW_ESTIMATE = 110;

// Big enough that a screenful of rows and its overscan never re-render their Markdown while scrolling back and forth.
const BODY_CACHE_SIZE = 2_000;
const bodyCache = new Map<string, RenderedBody>();

/** Sanitised HTML per item version; bounded so 10k bodies are never all held. */
export function bodyOf(f: Feedback): RenderedBody {
  const key = `${f.id}\u0000${f.updatedAt}`;
  let r = bodyCache.get(key);
  if (!r) {
    r = renderMarkdown(f.body);
    if (bodyCache.size > BODY_CACHE_SIZE) bodyCache.delete(bodyCache.keys().next().value!);
    bodyCache.set(key, r);
  }
  return r;
}

export interface RowHandlers {
  toggle(f: Feedback): void;
  openLinkPicker(f: Feedback | undefined): void;
}

export interface RowOptions {
  expanded: boolean;
  linking: boolean;
  index: number;
  setSize: number;
  linkedEntries: Entry[];
}

export function rowTemplate(ctx: AppContext, f: Feedback, o: RowOptions, h: RowHandlers): TemplateResult {
  const body = bodyOf(f);
  const ro = ctx.snapshot.readOnly;
  const suggestion = suggestedTag(f);
  const tags = effectiveTags(f);
  const headId = `h-${o.index}`;
  return html`<article class="row ${o.expanded ? 'expanded' : ''}" data-id=${f.id} aria-posinset=${o.index + 1} aria-setsize=${o.setSize} aria-labelledby=${headId}>
    <div class="row-head">
      <button class="icon-btn" aria-expanded=${o.expanded ? 'true' : 'false'} aria-label=${o.expanded ? l10n.t('Collapse comment by {0}', f.reviewer) : l10n.t('Expand comment by {0}', f.reviewer)} @click=${() => h.toggle(f)}>
        <span class="codicon codicon-chevron-${o.expanded ? 'down' : 'right'}" aria-hidden="true"></span>
      </button>
      <span id=${headId} class="row-title">${withParts(
          l10n.t('{0} on {1}'),
          html`<strong>${f.reviewer}</strong>`,
          html`<a href=${safeHref(f.prUrl)} class="pr-link" title=${f.prTitle ?? ''}>${f.repo}#${f.prNumber}</a>`,
        )}${f.prTitle ? html` <span class="muted pr-title">${f.prTitle}</span>` : nothing}</span>
      <span class="spacer"></span>
      <time class="muted" datetime=${f.createdAt}>${formatDate(f.createdAt)}</time>
    </div>
    <div class="row-meta">
    <div class="chips" aria-label=${l10n.t('Tags')}>
      ${tags.map((t) => html`<span class="chip">${ctx.categoryLabel(t.category)}${ro ? nothing : html`<button class="chip-btn" aria-label=${l10n.t('Remove tag {0}', ctx.categoryLabel(t.category))} title=${l10n.t('Remove tag')}
          @click=${() => void ctx.request({ type: 'feedback/tag', feedbackId: f.id, category: t.category, action: 'remove' })}><span class="codicon codicon-close" aria-hidden="true"></span></button>`}</span>`)}
      ${suggestion ? html`<span class="chip suggested" title=${suggestion.confidence !== undefined ? l10n.t('Likely ({0}% confident): suggested by the classifier, not counted until accepted', Math.round(suggestion.confidence * 100)) : l10n.t('Likely: suggested by the classifier, not counted until accepted')}>
          <span class="codicon codicon-sparkle" aria-hidden="true"></span> ${ctx.categoryLabel(suggestion.category)}?
          ${ro ? nothing : html`<button class="chip-btn accept" aria-label=${l10n.t('Accept suggested tag {0}', ctx.categoryLabel(suggestion.category))} title=${l10n.t('Accept')}
            @click=${() => void ctx.request({ type: 'suggestion/accept', feedbackId: f.id, category: suggestion.category })}><span class="codicon codicon-check" aria-hidden="true"></span></button>
          <button class="chip-btn reject" aria-label=${l10n.t('Reject suggested tag {0} and say what it is', ctx.categoryLabel(suggestion.category))} title=${l10n.t('Not {0}: what is it?', ctx.categoryLabel(suggestion.category))}
            @click=${() => void ctx.request({ type: 'suggestion/reject', feedbackId: f.id, category: suggestion.category })}><span class="codicon codicon-close" aria-hidden="true"></span></button>`}</span>` : nothing}
      ${tags.length === 0 && !suggestion ? html`<span class="muted" title=${TAG_STATE_WORDS['not-sure'].meaning}>${l10n.t('Untagged, {0}', TAG_STATE_WORDS['not-sure'].word)}</span>` : nothing}
      ${f.path ? html`<span class="muted path" title=${f.path}>${f.path}${f.line ? `:${f.line}` : ''}</span>` : nothing}
    </div>
    <div class="row-actions">
      ${o.linking ? linkPicker(ctx, f, o, h) : html`
        ${ro ? nothing : html`<button class="link-btn tag-btn" aria-haspopup="true" aria-label=${l10n.t('Tag comment by {0}…', f.reviewer)} @click=${() => void ctx.request({ type: 'feedback/tagPicker', feedbackId: f.id })}><span class="codicon codicon-tag" aria-hidden="true"></span> ${l10n.t('Tag…')}</button>`}
        <button class="link-btn" @click=${() => void ctx.request({ type: 'feedback/openOnGitHub', feedbackId: f.id })}><span class="codicon codicon-github" aria-hidden="true"></span> ${l10n.t('Open on GitHub')}</button>
        ${ro ? nothing : html`<button class="link-btn" aria-haspopup="true" @click=${() => h.openLinkPicker(f)}><span class="codicon codicon-link" aria-hidden="true"></span> ${l10n.t('Link to…')}</button>`}
        ${o.linkedEntries.map((e) => html`<span class="chip linked" title=${e.text}><span class="codicon codicon-${e.kind === 'goal' ? 'target' : e.kind === 'action' ? 'checklist' : 'note'}" aria-hidden="true"></span> ${short(e.text)}
          ${ro ? nothing : html`<button class="chip-btn" aria-label=${l10n.t('Unlink from {0}', short(e.text))} @click=${() => void ctx.request({ type: 'feedback/unlink', feedbackId: f.id, entryId: e.id })}><span class="codicon codicon-close" aria-hidden="true"></span></button>`}</span>`)}`}
    </div>
    </div>
    <div class="body markdown">${unsafeHTML(body.html)}${body.truncated || ctx.clipped.has(f.id) ? html`<p class="muted">${l10n.t('(Long comment shortened here — open it on GitHub to read all of it.)')}</p>` : nothing}</div>
  </article>`;
}

function linkPicker(ctx: AppContext, f: Feedback, o: RowOptions, h: RowHandlers): TemplateResult {
  const candidates = ctx.snapshot.entries.filter((e) => !e.links.includes(f.id));
  if (candidates.length === 0) {
    return html`<span class="muted">${l10n.t('No entries to link to — add a goal, action or note first.')}</span>
      <button class="link-btn" @click=${() => h.openLinkPicker(undefined)}>${l10n.t('Close')}</button>`;
  }
  const submit = (ev: Event) => {
    const select = (ev.currentTarget as HTMLElement).closest('.row-actions')?.querySelector('select');
    if (select?.value) void ctx.request({ type: 'feedback/link', feedbackId: f.id, entryId: select.value }).then((ok) => ok && h.openLinkPicker(undefined));
  };
  return html`<label class="sr-only" for="link-${o.index}">${l10n.t('Entry to link this comment to')}</label>
    <select id="link-${o.index}" class="native-select" @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Enter') submit(e);
      if (e.key === 'Escape') h.openLinkPicker(undefined);
    }}>${candidates.map((e) => html`<option value=${e.id}>${e.kind === 'goal' ? l10n.t('Goal: {0}', short(e.text, 60)) : e.kind === 'action' ? l10n.t('Action: {0}', short(e.text, 60)) : l10n.t('Note: {0}', short(e.text, 60))}</option>`)}</select>
    <button class="link-btn primary" @click=${submit}>${l10n.t('Link')}</button>
    <button class="link-btn" @click=${() => h.openLinkPicker(undefined)}>${l10n.t('Cancel')}</button>`;
}

/** Lit does not filter URLs; only web links become an href. */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

function short(text: string, max = 32): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : localDate(d);
}
