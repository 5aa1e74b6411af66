// The Markdown shown for a feedback item in tree tooltips, editor hovers and
// comment threads (src/views wraps it in a MarkdownString with HTML and
// command links off). Bodies come from GitHub and are untrusted:
// - markers stripped, control characters made visible, bidi controls dropped;
// - no remote content: unless the user turns `reviewMentor.render.remoteImages`
//   on, every image becomes a plain link ("image: alt"), so reading feedback
//   tells no tracking pixel when or where it was read.
import * as l10n from '@vscode/l10n';
import type { Feedback } from '../model';
import { effectiveTags, isGivenBy } from '../model';
import { likelyTag } from '../vocabulary';
import type { Taxonomy } from '../taxonomy';
import { stripMarkers } from '../markers';
import { labelField, visibleControls } from '../safeText';

/** Bodies longer than this are cut in tooltips and hovers. */
export const MAX_TOOLTIP_BODY = 4000;

export interface FeedbackMarkdownOptions {
  /** Load images from their servers (off by default: they become links). */
  remoteImages: boolean;
  /** The engineer whose feedback this is: feedback they gave says so. */
  login?: string;
}

export function feedbackMarkdown(f: Feedback, taxonomy: Taxonomy, opts: FeedbackMarkdownOptions): string {
  const field = (s: string) => escapeMarkdown(labelField(s));
  const who = opts.login && isGivenBy(f, opts.login) ? l10n.t('Given by {0} to {1}', field(f.reviewer), field(f.author)) : field(f.reviewer);
  const where = field(`${f.repo}#${f.prNumber}`);
  const head = `${f.prTitle ? l10n.t('{0} on {1} ({2})', who, where, field(f.prTitle)) : l10n.t('{0} on {1}', who, where)} · ${field(f.createdAt.slice(0, 10))}`;
  const tags = effectiveTags(f).map((t) => field(taxonomy.labelOf(t.category)));
  const likely = likelyTag(f);
  // The words of core/vocabulary: confirmed, likely, not sure.
  const meta = [
    tags.length ? `$(tag) ${l10n.t('confirmed: {0}', tags.join(', '))}` : undefined,
    likely ? `$(lightbulb) ${l10n.t('likely: {0} ({1}%, not confirmed)', field(taxonomy.labelOf(likely.category)), Math.round((likely.confidence ?? 0) * 100))}` : undefined,
    !tags.length && !likely ? `$(circle-outline) ${l10n.t('untagged, not sure')}` : undefined,
    f.conventional?.blocking ? `$(error) ${l10n.t('blocking')}` : f.conventional?.blocking === false ? l10n.t('non-blocking') : undefined,
    f.isResolved ? `$(pass) ${l10n.t('resolved')}` : undefined,
    f.path ? `$(file) ${field(f.path)}${f.line ? `:${f.line}` : ''}` : undefined,
  ].filter(Boolean);
  let body = visibleControls(stripMarkers(f.body));
  if (body.length > MAX_TOOLTIP_BODY) body = body.slice(0, MAX_TOOLTIP_BODY) + '\n\n…';
  if (!opts.remoteImages) body = withoutRemoteImages(body);
  return `${head}\n\n${meta.length ? `${meta.join(' · ')}\n\n---\n\n` : ''}${body}`;
}

/** Markdown syntax (and `$(icon)` syntax) in untrusted one-line text shown as typed. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$~]/g, '\\$&');
}

/**
 * Images become links the reader may click, and load nothing: `![alt](url)`,
 * `![alt][ref]` and `![alt]` turn into a link or text "image: alt", an HTML
 * `<img>` into a link to its https source. This applies to code too (where an
 * image shows as its link text): telling code from text needs a full
 * CommonMark parse (a code span may run over several lines, an HTML block
 * ends a fence early), and a mistake there would load the image.
 */
export function withoutRemoteImages(markdown: string): string {
  // HTML first: the link it leaves may follow a "!", which the next steps then neutralise.
  return markdown
    .replace(/<img\b(?:[^>\n]|\n(?![ \t]*\n))*>?/gi, (tag) => {
      const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const label = alt ? l10n.t('image: {0}', escapeMarkdown(alt[1] ?? alt[2] ?? alt[3] ?? '')) : l10n.t('image');
      const url = src ? (src[1] ?? src[2] ?? src[3] ?? '') : '';
      return /^https:\/\/[^\s<>()]+$/i.test(url) ? `[${label}](<${url}>)` : `\\[${label}\\]`;
    })
    .replace(/(\\*)!\[([^\]\n]*)\]/g, (m, slashes: string, alt: string) => (slashes.length % 2 === 1 ? m : `${slashes}[${alt.trim() ? l10n.t('image: {0}', alt) : l10n.t('image')}]`))
    .replace(/(\\*)!\[/g, (m, slashes: string) => (slashes.length % 2 === 1 ? m : `${slashes}\\![`));
}
