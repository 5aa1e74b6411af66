// Pure numbers for the journal panel's Overview: period ranges, counts by
// group and category with the trend against the previous period, chart
// buckets, praise and themes. Periods are whole days in the host's time zone,
// computed by the same functions as the export (summary/period), so the
// journal and a summary of the same period count the same comments. Chart
// buckets are UTC weeks and months.
import { isReceivedBy, type CategoryGroup, type Feedback } from './model';
import { isBot } from './feedbackFacts';
import { confirmedCategories, countTagStates, likelyTag, type TagStateCounts } from './vocabulary';
import { presetDays, resolvePeriods, type PresetPeriod } from './summary/period';
import { addDaysToDate, assertTimeZone } from './browse/zone';

export type PeriodId = '2w' | '30d' | '90d' | 'quarter' | 'all';
export type Granularity = 'week' | 'month';

export interface PeriodRange {
  /** Inclusive start; null for "all time". */
  start: Date | null;
  /** Exclusive end (now). */
  end: Date;
  /** The previous period of the same length; null when there is none. */
  previous: { start: Date; end: Date } | null;
}

const DAY = 86_400_000;

/** The export's preset for each journal period ('all' has none). */
export const PRESET_OF: Readonly<Record<Exclude<PeriodId, 'all'>, PresetPeriod>> = { '2w': 'last14', '30d': 'last30', '90d': 'last90', quarter: 'quarter' };

/**
 * The period's whole days up to and including today in `timeZone`, and the
 * period of the same length before it: presetDays + resolvePeriods, exactly
 * as the export computes them. An unknown zone falls back to UTC.
 */
export function periodRange(period: PeriodId, now: Date, timeZone = 'UTC'): PeriodRange {
  if (period === 'all') return { start: null, end: now, previous: null };
  const zone = validZone(timeZone);
  const days = presetDays(PRESET_OF[period], now.getTime(), zone);
  const { current, previous } = resolvePeriods(days.from, addDaysToDate(days.to, 1), zone);
  return { start: new Date(current.from), end: new Date(current.to), previous: { start: new Date(previous.from), end: new Date(previous.to) } };
}

function validZone(timeZone: string): string {
  try {
    assertTimeZone(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function inRange(iso: string, start: Date | null, end: Date): boolean {
  const t = Date.parse(iso);
  return !Number.isNaN(t) && (start === null || t >= start.getTime()) && t < end.getTime();
}

/** Distinct counted (confirmed) categories of an item; suggestions are not counted. */
export function categoriesOf(f: Feedback): string[] {
  return confirmedCategories(f);
}

export interface Trend {
  current: number;
  previous: number | null;
  delta: number | null;
  direction: 'up' | 'down' | 'same' | 'none';
}

export function trend(current: number, previous: number | null): Trend {
  if (previous === null) return { current, previous, delta: null, direction: 'none' };
  const delta = current - previous;
  return { current, previous, delta, direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same' };
}

export interface CategoryInfo {
  id: string;
  group: CategoryGroup;
}

export interface PeriodCounts {
  total: Trend;
  /** likely + notSure (core/vocabulary). */
  untagged: Trend;
  confirmed: Trend;
  likely: Trend;
  notSure: Trend;
  byGroup: Record<CategoryGroup, Trend>;
  /** Every known category plus unknown ids seen in the data, most frequent first. */
  byCategory: (Trend & { id: string })[];
}

/** Counts feedback received by `login`: an item counts once per group and once per category. */
export function periodCounts(feedback: readonly Feedback[], login: string, categories: readonly CategoryInfo[], range: PeriodRange): PeriodCounts {
  const groupOf = new Map(categories.map((c) => [c.id, c.group]));
  const tally = (start: Date | null, end: Date) => {
    const cats = new Map<string, number>();
    const groups: Record<CategoryGroup, number> = { technical: 0, interpersonal: 0 };
    const inPeriod: Feedback[] = [];
    for (const f of feedback) {
      // Bots are left out, as in the export.
      if (!isReceivedBy(f, login) || isBot(f) || !inRange(f.createdAt, start, end)) continue;
      inPeriod.push(f);
      const ids = categoriesOf(f);
      const seenGroups = new Set<CategoryGroup>();
      for (const id of ids) {
        cats.set(id, (cats.get(id) ?? 0) + 1);
        const g = groupOf.get(id);
        if (g) seenGroups.add(g);
      }
      seenGroups.forEach((g) => groups[g]++);
    }
    return { cats, groups, states: countTagStates(inPeriod) };
  };
  const cur = tally(range.start, range.end);
  const prev = range.previous ? tally(range.previous.start, range.previous.end) : null;
  const ids = new Set([...categories.map((c) => c.id), ...cur.cats.keys(), ...(prev?.cats.keys() ?? [])]);
  const byCategory = [...ids]
    .map((id) => ({ id, ...trend(cur.cats.get(id) ?? 0, prev ? prev.cats.get(id) ?? 0 : null) }))
    .sort((a, b) => b.current - a.current || (b.previous ?? 0) - (a.previous ?? 0) || a.id.localeCompare(b.id));
  const t = (key: keyof TagStateCounts) => trend(cur.states[key], prev ? prev.states[key] : null);
  return {
    total: t('total'),
    untagged: t('untagged'),
    confirmed: t('confirmed'),
    likely: t('likely'),
    notSure: t('notSure'),
    byGroup: {
      technical: trend(cur.groups.technical, prev?.groups.technical ?? null),
      interpersonal: trend(cur.groups.interpersonal, prev?.groups.interpersonal ?? null),
    },
    byCategory,
  };
}

export function granularityFor(period: PeriodId): Granularity {
  return period === 'all' ? 'month' : 'week';
}

/** Start of the bucket holding `d`: Monday 00:00 UTC, or the 1st of the month. */
export function bucketStart(d: Date, g: Granularity): Date {
  if (g === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY);
}

function nextBucket(d: Date, g: Granularity): Date {
  return g === 'month' ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)) : new Date(d.getTime() + 7 * DAY);
}

export interface Buckets {
  granularity: Granularity;
  starts: Date[];
  /** category id -> count per bucket; "untagged" for items with no counted tag. */
  series: Map<string, number[]>;
}

export const UNTAGGED = 'untagged';
const MAX_BUCKETS = 600;

/** Received feedback per bucket and category, covering the range (or the data, for all time). */
/** Key of the "likely" series: untagged items that have a suggestion (shown apart, never counted as their category). */
export const LIKELY_SERIES = 'likely';

export function bucketize(feedback: readonly Feedback[], login: string, range: PeriodRange, g: Granularity, opts: { likely?: boolean } = {}): Buckets {
  const items = feedback.filter((f) => isReceivedBy(f, login) && inRange(f.createdAt, range.start, range.end));
  let first = range.start;
  if (!first) {
    const min = Math.min(...items.map((f) => Date.parse(f.createdAt)).filter((t) => !Number.isNaN(t)));
    first = Number.isFinite(min) ? new Date(min) : range.end;
  }
  const starts: Date[] = [];
  for (let s = bucketStart(first, g); s.getTime() < range.end.getTime() && starts.length < MAX_BUCKETS; s = nextBucket(s, g)) starts.push(s);
  if (starts.length === 0) starts.push(bucketStart(range.end, g));
  const index = new Map(starts.map((s, i) => [s.getTime(), i]));
  const series = new Map<string, number[]>();
  for (const f of items) {
    const i = index.get(bucketStart(new Date(f.createdAt), g).getTime());
    if (i === undefined) continue;
    const cats = categoriesOf(f);
    const none = opts.likely && likelyTag(f) ? LIKELY_SERIES : UNTAGGED;
    for (const c of cats.length ? cats : [none]) {
      let row = series.get(c);
      if (!row) series.set(c, (row = new Array<number>(starts.length).fill(0)));
      row[i]++;
    }
  }
  return { granularity: g, starts, series };
}

/** Praise received in the range, newest first: tagged praise or a `praise:` conventional label. */
export function praiseReceived(feedback: readonly Feedback[], login: string, range: PeriodRange, limit = 5): Feedback[] {
  return feedback
    .filter((f) => isReceivedBy(f, login) && inRange(f.createdAt, range.start, range.end))
    .filter((f) => categoriesOf(f).includes('praise') || f.conventional?.label.toLowerCase() === 'praise')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
}

/** The most frequent categories in the period, praise left out (it has its own section). */
export function topThemes(counts: PeriodCounts, limit = 3): (Trend & { id: string })[] {
  return counts.byCategory.filter((c) => c.id !== 'praise' && c.current > 0).slice(0, limit);
}

/** Plain-text excerpt of a Markdown body for quotes and screen readers. */
export function excerpt(body: string, max = 200): string {
  const text = body
    .slice(0, max * 20)
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/```[\s\S]*?```/g, ' [code] ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
