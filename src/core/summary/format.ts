// Small text helpers shared by the Markdown and HTML renderers.
import * as l10n from '@vscode/l10n';
import type { Summary, TagSharesSummary, Trend } from './schema';
import { sharesText } from '../review/likely';
import { REVIEW_LINK_BASE } from './build';
import { confirmLikelyHint } from '../vocabulary';

/** "+4", "−2", "±0": the change against the previous period. */
export function change(t: Trend): string {
  return t.delta > 0 ? `+${t.delta}` : t.delta < 0 ? `−${-t.delta}` : '±0';
}

export function periodText(s: Summary): string {
  const p = s.period;
  const q = s.previousPeriod;
  const days = p.days === 1 ? l10n.t('1 day') : l10n.t('{0} days', Number.isInteger(p.days) ? p.days : p.days.toFixed(1));
  return l10n.t('{0} to {1} ({2}, {3}), compared with {4} to {5}', p.firstDay, p.lastDay, days, s.timeZone, q.firstDay, q.lastDay);
}

/** http(s) URLs only, normalised; anything else (javascript:, data:, junk) gives undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function title(s: Summary): string {
  return s.engineers.length === 1 ? l10n.t('Review summary: {0}', s.engineers[0]!.login) : l10n.t('Team review summary: {0}', s.engineers.map((e) => e.login).join(', '));
}

/** The review flow's vscode:// link, and nothing else of that scheme. */
export function reviewUrl(url: string | undefined): string | undefined {
  return url && url.startsWith(`${REVIEW_LINK_BASE}?`) && !/[\s<>"]/.test(url) ? url : undefined;
}

/** Every summary states how much of what it counts was confirmed by a person. */
export function sharesLine(s: TagSharesSummary): string {
  return l10n.t('Tags on comments received: {0}. Only confirmed tags are counted; likely ones are suggestions nobody has confirmed.', sharesText(s));
}

/** Why the changes by category are left out: one sentence, plain text. */
export function tooFew(now: number, before: number, min: number): string {
  return l10n.t('Changes by category need at least {0} comments with a confirmed tag in both periods ({1} now, {2} before): {3} first.', min, now, before, confirmLikelyHint());
}

/**
 * The words both renderers share (headings, table heads, short phrases), read
 * when a summary is rendered: English without a bundle (the CLI), VS Code's
 * display language in the extension's exports.
 */
export const W = {
  teamAtAGlance: () => l10n.t('Team at a glance'),
  engineer: () => l10n.t('Engineer'),
  received: () => l10n.t('Received'),
  given: () => l10n.t('Given'),
  change: () => l10n.t('Change'),
  praise: () => l10n.t('Praise'),
  blockingUnresolved: () => l10n.t('Blocking (unresolved)'),
  openActions: () => l10n.t('Open actions'),
  overdueGoals: () => l10n.t('Overdue goals'),
  topCategory: () => l10n.t('Top category'),
  topCategoryNone: (min: number) => l10n.t('Top category “–”: none, or fewer than {0} comments with a confirmed tag.', min),
  talkingPoints: () => l10n.t('Talking points'),
  nothingStandsOut: () => l10n.t('Nothing stands out this period.'),
  feedbackReceived: () => l10n.t('Feedback received'),
  thisPeriod: () => l10n.t('This period'),
  previous: () => l10n.t('Previous'),
  total: () => l10n.t('Total'),
  confirmed: () => l10n.t('Confirmed'),
  untagged: () => l10n.t('Untagged'),
  category: () => l10n.t('Category'),
  likelyCategory: () => l10n.t('Likely category'),
  comments: () => l10n.t('Comments'),
  likely: () => l10n.t('likely'),
  recurringThemes: () => l10n.t('Recurring themes'),
  praiseReceived: (n: number) => l10n.t('Praise received ({0})', n),
  blockingRaised: (n: number, unresolved: number) => l10n.t('Blocking issues raised ({0}, {1} unresolved)', n, unresolved),
  givenToOthers: (n: number, previous: number) => l10n.t('Feedback given to others ({0}, previous {1})', n, previous),
  examples: () => l10n.t('Examples:'),
  praiseGiven: (n: number) => l10n.t('Praise given ({0})', n),
  goals: () => l10n.t('Goals'),
  actionItems: () => l10n.t('Action items'),
  byPerson: () => l10n.t('By person'),
  prompts: () => l10n.t('Prompts'),
  noPrompts: () => l10n.t('Nothing stands out: too few comments for a pattern, or none worth raising.'),
  none: () => l10n.t('None.'),
  resolved: () => l10n.t('resolved'),
  unresolved: () => l10n.t('unresolved'),
  overdue: () => l10n.t('overdue'),
  /** "2026-03-02, from bob on acme/api#3": `person` and `where` already made safe by the renderer. */
  quoteHead: (date: string, dir: 'from' | 'to', person: string, where: string) => (dir === 'from' ? l10n.t('{0}, from {1} on {2}', date, person, where) : l10n.t('{0}, to {1} on {2}', date, person, where)),
  linkedComments: (n: number) => (n === 1 ? l10n.t('1 linked comment') : l10n.t('{0} linked comments', n)),
  commentN: (n: number) => l10n.t('comment {0}', n),
  goneComment: () => l10n.t('a comment no longer in the journal'),
};
