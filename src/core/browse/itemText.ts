// What a feedback item says about itself in one line, the same in the tree
// and in search results (labels.ts makes each field safe): a short label (the
// first words of the comment), the other person ("to erin" for feedback
// given), and short flags.
import * as l10n from '@vscode/l10n';
import { isGivenBy, type Feedback } from '../model';
import type { Taxonomy } from '../taxonomy';
import { likelyTag } from '../vocabulary';
import { firstLine } from './text';

/** Longest label, in characters: the description (reviewer · repository · date) must still fit a sidebar. */
export const SHORT_LABEL_MAX = 32;

/** The first words of the comment, cut on a word boundary; "(empty comment)" when there is nothing to show. */
export function shortLabel(body: string, max = SHORT_LABEL_MAX): string {
  const line = firstLine(body).replace(/…$/, '');
  if (line === '') return l10n.t('(empty comment)');
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** The other person: "sam-lee" wrote it to me, or I wrote it "to sam-lee". */
export function personText(f: Feedback, login: string): string {
  return isGivenBy(f, login) ? l10n.t('to {0}', f.author) : f.reviewer;
}

/** Short flags for the end of a description: likely category, blocking, resolved, learned. */
export function itemFlags(f: Feedback, taxonomy: Taxonomy): string[] {
  const flags: string[] = [];
  const likely = likelyTag(f);
  if (likely) flags.push(l10n.t('likely: {0}?', taxonomy.labelOf(likely.category)));
  if (f.conventional?.blocking) flags.push(l10n.t('blocking'));
  if (f.isResolved) flags.push(l10n.t('resolved'));
  if (f.learnedAt) flags.push(l10n.t('learned'));
  return flags;
}
