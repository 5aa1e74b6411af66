// The prompts, each with the comments behind it: opening a prompt lists them
// (bodies through the journal's sanitiser, never as raw HTML), and each one
// opens in the editor or on GitHub through the host.
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { effectiveTags, suggestedTag, type Feedback } from '../../../src/core/model';
import type { Prompt } from '../../../src/core/mirror';
import { renderMarkdown } from '../markdown';
import type { MirrorRequestInput } from './bridge';
import { formatDate as localDate } from '../dates';
import * as l10n from '@vscode/l10n';
import { withParts } from '../l10n';

/** Comments shown at first under an open prompt; "Show more" adds as many again. */
export const PAGE = 10;

export function promptKey(p: Prompt): string {
  return `${p.rule}:${p.person ?? ''}`;
}

export interface PromptsContext {
  byId: Map<string, Feedback>;
  open: ReadonlySet<string>;
  shown: (key: string) => number;
  toggle(key: string): void;
  more(key: string): void;
  request(input: MirrorRequestInput): void;
  categoryLabel(id: string): string;
}

export function promptsList(prompts: Prompt[], ctx: PromptsContext): TemplateResult {
  if (prompts.length === 0) {
    return html`<p class="muted" data-testid="no-prompts">${l10n.t('Nothing stands out in this period: too few comments for a pattern, or none worth raising. Try a longer period.')}</p>`;
  }
  return html`<ol class="prompts" aria-label=${l10n.t('Prompts')}>${prompts.map((p, i) => {
    const key = promptKey(p);
    const open = ctx.open.has(key);
    const listId = `prompt-comments-${i}`;
    return html`<li class="prompt ${p.kind}" data-rule=${p.rule} data-key=${key}>
      <div class="prompt-head">
        <span class="codicon codicon-${p.kind === 'celebrate' ? 'heart' : 'lightbulb'}" aria-hidden="true"></span>
        <p class="prompt-text">${p.text}</p>
      </div>
      <button class="link-btn prompt-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${listId} @click=${() => ctx.toggle(key)}>
        <span class="codicon codicon-chevron-${open ? 'down' : 'right'}" aria-hidden="true"></span>
        ${open ? l10n.t('Hide the {0} comments behind this', p.ids.length) : l10n.t('Show the {0} comments behind this', p.ids.length)}
      </button>
      ${open ? comments(p, key, listId, ctx) : nothing}
    </li>`;
  })}</ol>`;
}

function comments(p: Prompt, key: string, listId: string, ctx: PromptsContext): TemplateResult {
  const shown = ctx.shown(key);
  const items = p.ids.slice(0, shown).map((id) => ctx.byId.get(id)).filter((f): f is Feedback => f !== undefined);
  return html`<ul class="linked-comments" id=${listId} aria-label=${l10n.t('Comments behind this prompt')}>
    ${items.map((f) => comment(f, ctx))}
  </ul>
  ${p.ids.length > shown ? html`<button class="link-btn more" @click=${() => ctx.more(key)}>${l10n.t('Show {0} more of {1}', Math.min(PAGE, p.ids.length - shown), p.ids.length - shown)}</button>` : nothing}`;
}

function comment(f: Feedback, ctx: PromptsContext): TemplateResult {
  const body = renderMarkdown(f.body);
  const suggestion = effectiveTags(f).length === 0 ? suggestedTag(f) : undefined;
  return html`<li class="linked-comment" data-id=${f.id}>
    <div class="row-head">
      <span class="row-title">${withParts(l10n.t('To {0} on {1}'), html`<strong>${f.author}</strong>`, `${f.repo}#${f.prNumber}`)}${f.prTitle ? html` <span class="muted">${f.prTitle}</span>` : nothing}</span>
      <span class="spacer"></span>
      <time class="muted" datetime=${f.createdAt}>${formatDate(f.createdAt)}</time>
    </div>
    <div class="chips">
      ${[...new Set(effectiveTags(f).map((t) => t.category))].map((c) => html`<span class="chip">${ctx.categoryLabel(c)}</span>`)}
      ${suggestion ? html`<span class="chip suggested" title=${l10n.t('Suggested, not confirmed')}>${ctx.categoryLabel(suggestion.category)}?</span>` : nothing}
      ${f.conventional ? html`<span class="chip linked">${f.conventional.label}${f.conventional.decorations.length ? ` (${f.conventional.decorations.join(', ')})` : ''}</span>` : nothing}
      ${f.kind === 'review-comment' ? html`<span class="muted">${f.isResolved ? l10n.t('resolved') : f.isOutdated ? l10n.t('outdated') : l10n.t('open')}</span>` : nothing}
    </div>
    <div class="body markdown">${unsafeHTML(body.html)}${body.truncated ? html`<p class="muted">${l10n.t('(Long comment shortened here — open it to read all of it.)')}</p>` : nothing}</div>
    <div class="row-actions">
      <button class="link-btn" data-action="open" @click=${() => ctx.request({ type: 'mirror/openComment', feedbackId: f.id, where: 'editor' })}><span class="codicon codicon-go-to-file" aria-hidden="true"></span> ${l10n.t('Open')}</button>
      <button class="link-btn" data-action="github" @click=${() => ctx.request({ type: 'mirror/openComment', feedbackId: f.id, where: 'github' })}><span class="codicon codicon-github" aria-hidden="true"></span> ${l10n.t('Open on GitHub')}</button>
    </div>
  </li>`;
}


function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : localDate(d);
}
