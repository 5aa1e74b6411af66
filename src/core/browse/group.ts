// Groups for the Feedback tree. One pass over the items, which are sorted
// newest first beforehand, so each group's list comes out already sorted;
// an item with several categories is listed under each of them.
import * as l10n from '@vscode/l10n';
import { type Feedback } from '../model';
import type { Taxonomy } from '../taxonomy';
import { TAG_STATE_WORDS, UNTAGGED_WORDS, addToCounts, emptyCounts, tagStateOf, type TagStateCounts } from '../vocabulary';
import { zonedMonth } from './zone';

export type GroupBy = 'category' | 'pr' | 'reviewer' | 'repo' | 'month';

export const GROUP_BYS: readonly GroupBy[] = ['category', 'pr', 'reviewer', 'repo', 'month'];

export interface FeedbackGroup {
  /** Stable across refreshes, unique within one grouping, e.g. "category:testing", "month:2026-03". */
  key: string;
  label: string;
  count: number;
  /** Newest first. */
  items: Feedback[];
  /** Codicon name. */
  icon?: string;
  /** How many of `items` are only suggested for this category (includeSuggested): the "likely" ones. */
  suggested?: number;
  /** `items` by tag state (confirmed, likely, not sure), in the words of core/vocabulary. */
  states: TagStateCounts;
}

/** The name the brief and the views use for the same thing. */
export type Group = FeedbackGroup;

export const UNTAGGED_KEY = 'category:untagged';
/** Label of the group of items with no confirmed tag and no suggestion (core/vocabulary: "not sure"). */

export interface GroupOptions {
  /** Zone whose calendar decides the month; default UTC. */
  timeZone?: string;
  /**
   * Category grouping: an item with no tag but a suggestion is listed under the
   * suggested category (and counted in `suggested`) instead of "Untagged".
   */
  includeSuggested?: boolean;
  /**
   * Whose feedback the items are. "given": the person grouping ('reviewer')
   * is the pull request's author, since the engineer wrote every item.
   */
  direction?: 'received' | 'given';
}

/**
 * Groups `items`. Order: category by taxonomy order, then unknown ids, then
 * "Untagged"; month newest first; pr, reviewer and repo by count (desc),
 * then label. Suggested tags do not place an item in a category.
 */
export function groupFeedback(items: readonly Feedback[], by: GroupBy, taxonomy: Taxonomy, opts: GroupOptions = {}): FeedbackGroup[] {
  const timeZone = opts.timeZone ?? 'UTC';
  const sorted = newestFirst(items);
  const groups = new Map<string, FeedbackGroup>();
  const given = opts.direction === 'given';
  const add = (key: string, label: string, icon: string | undefined, f: Feedback) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label, count: 0, items: [], icon, states: emptyCounts() }));
    g.items.push(f);
    g.count++;
    addToCounts(g.states, tagStateOf(f));
  };

  for (const { f, t } of sorted) {
    switch (by) {
      case 'category': {
        let any = false;
        for (const tag of f.tags) {
          if (tag.source === 'suggested') continue;
          const key = `category:${tag.category}`;
          // The same category twice (manual and marker) lists the item once.
          const g = groups.get(key);
          if (g && g.items[g.items.length - 1] === f) {
            any = true;
            continue;
          }
          add(key, taxonomy.labelOf(tag.category), taxonomy.get(tag.category)?.icon ?? 'tag', f);
          any = true;
        }
        if (!any) {
          const suggestion = opts.includeSuggested ? f.tags.find((t) => t.source === 'suggested') : undefined;
          if (suggestion) {
            add(`category:${suggestion.category}`, taxonomy.labelOf(suggestion.category), taxonomy.get(suggestion.category)?.icon ?? 'tag', f);
            const g = groups.get(`category:${suggestion.category}`)!;
            g.suggested = (g.suggested ?? 0) + 1;
          } else {
            add(UNTAGGED_KEY, opts.includeSuggested ? TAG_STATE_WORDS['not-sure'].label : UNTAGGED_WORDS.label, 'circle-outline', f);
          }
        }
        break;
      }
      case 'pr':
        add(`pr:${f.prUrl}`, `${f.repo}#${f.prNumber}${f.prTitle ? ` ${f.prTitle}` : ''}`, 'git-pull-request', f);
        break;
      case 'reviewer': {
        // The other person: who wrote it (received), or whose pull request it was on (given).
        const person = given ? f.author : f.reviewer;
        add(`reviewer:${person.toLowerCase()}`, person, 'person', f);
        break;
      }
      case 'repo':
        add(`repo:${f.repo.toLowerCase()}`, f.repo, 'repo', f);
        break;
      case 'month': {
        const month = Number.isNaN(t) ? 'unknown' : zonedMonth(t, timeZone);
        add(`month:${month}`, monthLabel(month), 'calendar', f);
        break;
      }
      default: {
        const never: never = by;
        throw new Error(`Unknown grouping ${String(never)}`);
      }
    }
  }
  return sortGroups([...groups.values()], by, taxonomy);
}

// Packs (time, index) into one exact float so a native numeric sort does the
// work without a comparator, about twice as fast as sorting objects. Times
// are taken relative to the oldest item; when the span times the count would
// not fit in 53 bits, a comparator sort does the same job. Equal times keep
// their input order; unparseable dates go last.
function newestFirst(items: readonly Feedback[]): { f: Feedback; t: number }[] {
  const n = items.length;
  const times = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = Date.parse(items[i]!.createdAt);
    times[i] = t;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const span = max >= min ? max - min + 2 : 1;
  const order: number[] = new Array(n);
  if (span * n < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    // Newest gets the smallest key; NaN becomes the oldest possible.
    for (let i = 0; i < n; i++) keys[i] = (Number.isNaN(times[i]!) ? span - 1 : max - times[i]!) * n + i;
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = keys[k]! % n;
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    const key = (i: number) => (Number.isNaN(times[i]!) ? -Infinity : times[i]!);
    order.sort((a, b) => key(b) - key(a) || a - b);
  }
  return order.map((i) => ({ f: items[i]!, t: times[i]! }));
}

function sortGroups(groups: FeedbackGroup[], by: GroupBy, taxonomy: Taxonomy): FeedbackGroup[] {
  if (by === 'category') {
    const order = new Map(taxonomy.categories.map((c, i) => [`category:${c.id}`, i]));
    const rank = (g: FeedbackGroup) => (g.key === UNTAGGED_KEY ? 2 : order.has(g.key) ? 1 : 1.5);
    return groups.sort((a, b) => rank(a) - rank(b) || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0) || b.count - a.count || a.label.localeCompare(b.label));
  }
  if (by === 'month') return groups.sort((a, b) => (a.key === 'month:unknown' ? 1 : b.key === 'month:unknown' ? -1 : b.key.localeCompare(a.key)));
  return groups.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

// Month names through l10n (core has no locale of its own); read when a group is labelled.
const monthNames = () => [l10n.t('January'), l10n.t('February'), l10n.t('March'), l10n.t('April'), l10n.t('May'), l10n.t('June'), l10n.t('July'), l10n.t('August'), l10n.t('September'), l10n.t('October'), l10n.t('November'), l10n.t('December')];

function monthLabel(month: string): string {
  if (month === 'unknown') return l10n.t('Unknown date');
  const [y, m] = month.split('-');
  return `${monthNames()[Number(m) - 1]} ${y}`;
}
