// The Feedback view's filter: a plain object (zod schema shared with the
// webview) and a predicate. The predicate is compiled once per filter object,
// so testing 20,000 items does not redo the set-up work for each item.
import * as l10n from '@vscode/l10n';
import { z } from 'zod';
import { effectiveTags, isGivenBy, isReceivedBy, suggestedTag, type CategoryGroup, type Feedback } from '../model';
import { DEFAULT_CATEGORIES, groupLabel, Taxonomy } from '../taxonomy';
import { TAG_STATE_WORDS, UNTAGGED_WORDS, tagStateOf } from '../vocabulary';
import { matchesWords, queryWords } from './text';
import { addDaysToDate, DATE_PATTERN, startOfZonedDay } from './zone';

const isoDate = z.string().regex(DATE_PATTERN, 'Use yyyy-mm-dd');

export const FeedbackFilterSchema = z.object({
  direction: z.enum(['received', 'given', 'all']),
  /** Category ids; an item matches when one of its counted tags is listed (or is in `group`). */
  categories: z.array(z.string()),
  group: z.enum(['technical', 'interpersonal']).optional(),
  /** Logins, compared case-insensitively: the reviewer, or for `direction: given` the pull request's author. */
  reviewers: z.array(z.string()),
  /** "owner/name", compared case-insensitively. */
  repos: z.array(z.string()),
  /** First day shown (yyyy-mm-dd, inclusive). */
  from: isoDate.optional(),
  /** Last day shown (yyyy-mm-dd, inclusive). */
  to: isoDate.optional(),
  resolved: z.enum(['any', 'resolved', 'unresolved']),
  /** core/vocabulary: tagged = confirmed, suggested = likely, untagged = likely or not sure. */
  tagState: z.enum(['any', 'tagged', 'untagged', 'suggested', 'not-sure']),
  text: z.string(),
});

export type FeedbackFilter = z.infer<typeof FeedbackFilterSchema>;

export const EMPTY_FILTER: FeedbackFilter = Object.freeze({
  direction: 'all',
  categories: [],
  reviewers: [],
  repos: [],
  resolved: 'any',
  tagState: 'any',
  text: '',
}) as FeedbackFilter;

export interface FilterOptions {
  /** Needed to match `group` against custom categories; defaults to the built-in categories. */
  taxonomy?: Taxonomy;
  /** Zone in which `from`/`to` days start and end; default UTC. */
  timeZone?: string;
  /** A category filter also matches untagged items suggested for that category. */
  includeSuggested?: boolean;
}

const defaultTaxonomy = new Taxonomy(DEFAULT_CATEGORIES);

export function isEmptyFilter(filter: FeedbackFilter): boolean {
  return (
    filter.direction === 'all' &&
    filter.categories.length === 0 &&
    !filter.group &&
    filter.reviewers.length === 0 &&
    filter.repos.length === 0 &&
    !filter.from &&
    !filter.to &&
    filter.resolved === 'any' &&
    filter.tagState === 'any' &&
    filter.text.trim() === ''
  );
}

export type FeedbackPredicate = (f: Feedback) => boolean;

/** Builds the predicate for one filter; use it for many items. */
export function compileFilter(filter: FeedbackFilter, login: string, opts: FilterOptions = {}): FeedbackPredicate {
  const taxonomy = opts.taxonomy ?? defaultTaxonomy;
  const timeZone = opts.timeZone ?? 'UTC';
  const tests: FeedbackPredicate[] = [];
  if (filter.direction === 'received') tests.push((f) => isReceivedBy(f, login));
  else if (filter.direction === 'given') tests.push((f) => isGivenBy(f, login));

  if (filter.categories.length > 0 || filter.group) {
    const wanted = new Set(filter.categories);
    if (filter.group) for (const c of taxonomy.inGroup(filter.group)) wanted.add(c.id);
    tests.push(
      opts.includeSuggested
        ? (f) => {
            const tags = effectiveTags(f);
            return tags.length > 0 ? tags.some((t) => wanted.has(t.category)) : wanted.has(suggestedTag(f)?.category ?? '');
          }
        : (f) => f.tags.some((t) => t.source !== 'suggested' && wanted.has(t.category)),
    );
  }
  if (filter.reviewers.length > 0) {
    const set = new Set(filter.reviewers.map((r) => r.toLowerCase()));
    if (filter.direction === 'given') tests.push((f) => set.has(f.author.toLowerCase()));
    else tests.push((f) => set.has(f.reviewer.toLowerCase()));
  }
  if (filter.repos.length > 0) {
    const set = new Set(filter.repos.map((r) => r.toLowerCase()));
    tests.push((f) => set.has(f.repo.toLowerCase()));
  }
  if (filter.from || filter.to) {
    // Days are whole days in the zone: [start of `from`, start of the day after `to`).
    const start = filter.from ? startOfZonedDay(filter.from, timeZone) : -Infinity;
    const end = filter.to ? startOfZonedDay(addDaysToDate(filter.to, 1), timeZone) : Infinity;
    tests.push((f) => {
      const t = Date.parse(f.createdAt);
      return t >= start && t < end;
    });
  }
  // Only inline review threads can be resolved on GitHub; PR conversation
  // comments and review summaries are neither resolved nor unresolved.
  if (filter.resolved === 'resolved') tests.push((f) => f.kind === 'review-comment' && f.isResolved);
  else if (filter.resolved === 'unresolved') tests.push((f) => f.kind === 'review-comment' && !f.isResolved);

  if (filter.tagState === 'tagged') tests.push((f) => effectiveTags(f).length > 0);
  else if (filter.tagState === 'untagged') tests.push((f) => effectiveTags(f).length === 0);
  else if (filter.tagState === 'suggested') tests.push((f) => tagStateOf(f) === 'likely');
  else if (filter.tagState === 'not-sure') tests.push((f) => tagStateOf(f) === 'not-sure');

  const words = queryWords(filter.text);
  if (words.length > 0) tests.push((f) => matchesWords(f, words));

  if (tests.length === 0) return () => true;
  return (f) => {
    for (const t of tests) if (!t(f)) return false;
    return true;
  };
}

// matchesFilter is called item by item with the same filter object; the
// compiled predicate is kept for that object.
const compiled = new WeakMap<FeedbackFilter, { key: string; taxonomy: Taxonomy | undefined; test: FeedbackPredicate }>();

export function matchesFilter(f: Feedback, filter: FeedbackFilter, login: string, opts: FilterOptions = {}): boolean {
  const key = `${login}\n${opts.timeZone ?? ''}\n${opts.includeSuggested ? 1 : 0}`;
  let entry = compiled.get(filter);
  if (!entry || entry.key !== key || entry.taxonomy !== opts.taxonomy) {
    entry = { key, taxonomy: opts.taxonomy, test: compileFilter(filter, login, opts) };
    compiled.set(filter, entry);
  }
  return entry.test(f);
}

/** Short text for the view's description, e.g. "received · Testing, Security · unresolved"; '' when empty. */
export function describeFilter(filter: FeedbackFilter, taxonomy: Taxonomy): string {
  const parts: string[] = [];
  if (filter.direction !== 'all') parts.push(filter.direction === 'received' ? l10n.t('received') : l10n.t('given'));
  const cats = [...(filter.group ? [l10n.t('all {0}', groupLabel(filter.group as CategoryGroup).toLowerCase())] : []), ...filter.categories.map((c) => taxonomy.labelOf(c))];
  if (cats.length > 0) parts.push(list(cats));
  if (filter.reviewers.length > 0) parts.push(filter.direction === 'given' ? l10n.t('to {0}', list(filter.reviewers)) : l10n.t('by {0}', list(filter.reviewers)));
  if (filter.repos.length > 0) parts.push(l10n.t('in {0}', list(filter.repos)));
  if (filter.from && filter.to) parts.push(`${filter.from} – ${filter.to}`);
  else if (filter.from) parts.push(l10n.t('since {0}', filter.from));
  else if (filter.to) parts.push(l10n.t('until {0}', filter.to));
  if (filter.resolved !== 'any') parts.push(filter.resolved === 'resolved' ? l10n.t('resolved') : l10n.t('unresolved'));
  const stateWords = { any: '', tagged: TAG_STATE_WORDS.confirmed.word, untagged: UNTAGGED_WORDS.word, suggested: TAG_STATE_WORDS.likely.word, 'not-sure': TAG_STATE_WORDS['not-sure'].word };
  if (filter.tagState !== 'any') parts.push(stateWords[filter.tagState]);
  if (filter.text.trim()) parts.push(`“${filter.text.trim()}”`);
  return parts.join(' · ');
}

/** At most two names, then "+N". */
function list(values: string[]): string {
  return values.length <= 2 ? values.join(', ') : `${values.slice(0, 2).join(', ')} +${values.length - 2}`;
}
