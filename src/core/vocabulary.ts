// One vocabulary for how sure we are of a comment's category, used by the
// tree, the journal, summaries, tooltips and screen-reader labels, so that a
// word means the same thing wherever it is shown:
//
//   confirmed  a person's tag, a published marker or a Conventional Comments
//              label. Only confirmed tags are counted in numbers and trends.
//   likely     no confirmed tag, but the classifier suggests a category (the
//              suggestion is shown; it counts once someone accepts it).
//   not sure   no confirmed tag and no suggestion: the classifier abstained
//              (or its suggestion was rejected).
//   untagged   not confirmed: likely + not sure.
//
// Pure: no `vscode`, no I/O. The words go through @vscode/l10n: translated
// where the extension configured a bundle, English in the CLI and the tests.
// They are read when used (getters), never at import, so the bundle is in place.
import * as l10n from '@vscode/l10n';
import { effectiveTags, type Feedback, type Tag } from './model';

export type TagState = 'confirmed' | 'likely' | 'not-sure';

export const TAG_STATES: readonly TagState[] = ['confirmed', 'likely', 'not-sure'];

interface StateWords {
  /** Capitalised, for a heading or a group label. */
  label: string;
  /** Lower case, after a number: "3 likely". */
  word: string;
  /** One sentence for tooltips and screen readers. */
  meaning: string;
}

export const TAG_STATE_WORDS: Readonly<Record<TagState, StateWords>> = {
  confirmed: {
    get label() { return l10n.t('Confirmed'); },
    get word() { return l10n.t('confirmed'); },
    get meaning() { return l10n.t('tagged by a person, a published marker or a Conventional Comments label; counted'); },
  },
  likely: {
    get label() { return l10n.t('Likely'); },
    get word() { return l10n.t('likely'); },
    get meaning() { return l10n.t('suggested by the classifier; not counted until someone accepts it'); },
  },
  'not-sure': {
    get label() { return l10n.t('Not sure'); },
    get word() { return l10n.t('not sure'); },
    get meaning() { return l10n.t('no tag, and the classifier is not sure enough to suggest one'); },
  },
};

export const UNTAGGED_WORDS: StateWords = {
  get label() { return l10n.t('Untagged'); },
  get word() { return l10n.t('untagged'); },
  get meaning() { return l10n.t('no confirmed tag (likely or not sure); not counted in any category'); },
};

/** Tags that are confirmed: every source but a suggestion (model.effectiveTags). */
export function confirmedTags(f: Feedback): Tag[] {
  return effectiveTags(f);
}

/** Distinct confirmed categories of an item. */
export function confirmedCategories(f: Feedback): string[] {
  return [...new Set(confirmedTags(f).map((t) => t.category))];
}

/** The shown suggestion of an item without a confirmed tag; undefined otherwise. */
export function likelyTag(f: Feedback): Tag | undefined {
  if (confirmedTags(f).length > 0) return undefined;
  return f.tags.find((t) => t.source === 'suggested');
}

export function tagStateOf(f: Feedback): TagState {
  if (f.tags.some((t) => t.source !== 'suggested')) return 'confirmed';
  return f.tags.some((t) => t.source === 'suggested') ? 'likely' : 'not-sure';
}

export interface TagStateCounts {
  total: number;
  confirmed: number;
  likely: number;
  notSure: number;
  /** likely + notSure */
  untagged: number;
}

export function emptyCounts(): TagStateCounts {
  return { total: 0, confirmed: 0, likely: 0, notSure: 0, untagged: 0 };
}

export function addToCounts(c: TagStateCounts, state: TagState): void {
  c.total++;
  if (state === 'confirmed') c.confirmed++;
  else {
    c.untagged++;
    if (state === 'likely') c.likely++;
    else c.notSure++;
  }
}

export function countTagStates(items: Iterable<Feedback>): TagStateCounts {
  const c = emptyCounts();
  for (const f of items) addToCounts(c, tagStateOf(f));
  return c;
}

/** "1 comment", "3 comments" */
export function comments(n: number): string {
  return n === 1 ? l10n.t('1 comment') : l10n.t('{0} comments', n);
}

/** "5 confirmed comments", "1 likely comment", "12 untagged comments", "3 not sure". */
export function stateComments(n: number, state: TagState | 'untagged'): string {
  switch (state) {
    case 'not-sure':
      return l10n.t('{0} not sure', n);
    case 'confirmed':
      return n === 1 ? l10n.t('1 confirmed comment') : l10n.t('{0} confirmed comments', n);
    case 'likely':
      return n === 1 ? l10n.t('1 likely comment') : l10n.t('{0} likely comments', n);
    case 'untagged':
      return n === 1 ? l10n.t('1 untagged comment') : l10n.t('{0} untagged comments', n);
  }
}

/** Short form for a description: "5 confirmed · 12 likely"; parts that are 0 are left out, all zero gives "0". */
export function stateCounts(c: Pick<TagStateCounts, 'confirmed' | 'likely' | 'notSure'>, sep = ' · '): string {
  const parts: string[] = [];
  if (c.confirmed) parts.push(l10n.t('{0} confirmed', c.confirmed));
  if (c.likely) parts.push(l10n.t('{0} likely', c.likely));
  if (c.notSure) parts.push(l10n.t('{0} not sure', c.notSure));
  return parts.length ? parts.join(sep) : '0';
}

/** Share of confirmed comments as a whole percentage; 0 for no comments. */
export function confirmedShare(c: Pick<TagStateCounts, 'total' | 'confirmed'>): number {
  return c.total === 0 ? 0 : Math.round((c.confirmed / c.total) * 100);
}

/**
 * Fewest confirmed comments in a period for a top category, a theme or a
 * trend: below it one tag more or less swings every number, so summaries and
 * the journal say "too few confirmed tags" instead.
 */
export const MIN_CONFIRMED = 5;

export function enoughConfirmed(confirmed: number): boolean {
  return confirmed >= MIN_CONFIRMED;
}

/** Where the likely tags are confirmed (the review flow), for messages that ask for it. */
export function confirmLikelyHint(): string {
  return l10n.t('confirm the likely tags with "Review suggestions" (the Feedback view or the journal)');
}

/** The same, with the number of likely tags waiting; with none, asks to tag instead. */
export function confirmHint(likely: number): string {
  if (likely === 1) return l10n.t('confirm the 1 likely tag with "Review suggestions" (the Feedback view or the journal)');
  return likely > 0
    ? l10n.t('confirm the {0} likely tags with "Review suggestions" (the Feedback view or the journal)', likely)
    : l10n.t("tag the comments in the Feedback view or the journal's Timeline");
}
