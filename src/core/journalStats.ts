// Pure numbers for the journal panel's Overview: period ranges, counts by
// group and category with the trend against the previous period, chart
// buckets, praise and themes. All dates are handled in UTC so the host, the
// webview and tests agree whatever the machine's time zone.
import { effectiveTags, isReceivedBy, suggestedTag, type CategoryGroup, type Feedback } from './model';

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

export function periodRange(period: PeriodId, now: Date): PeriodRange {
  const end = now;
  const days = period === '2w' ? 14 : period === '30d' ? 30 : period === '90d' ? 90 : 0;
  let start: Date | null;
  if (days > 0) start = new Date(end.getTime() - days * DAY);
  else if (period === 'quarter') start = new Date(Date.UTC(end.getUTCFullYear(), Math.floor(end.getUTCMonth() / 3) * 3, 1));
  else start = null;
  if (!start) return { start: null, end, previous: null };
  const length = end.getTime() - start.getTime();
  return { start, end, previous: { start: new Date(start.getTime() - length), end: start } };
}

function inRange(iso: string, start: Date | null, end: Date): boolean {
  const t = Date.parse(iso);
  return !Number.isNaN(t) && (start === null || t >= start.getTime()) && t < end.getTime();
}

/** Distinct counted categories of an item (suggestions are not counted). */
export function categoriesOf(f: Feedback): string[] {
  return [...new Set(effectiveTags(f).map((t) => t.category))];
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
  untagged: Trend;
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
    let total = 0;
    let untagged = 0;
    for (const f of feedback) {
      if (!isReceivedBy(f, login) || !inRange(f.createdAt, start, end)) continue;
      total++;
      const ids = categoriesOf(f);
      if (ids.length === 0) untagged++;
      const seenGroups = new Set<CategoryGroup>();
      for (const id of ids) {
        cats.set(id, (cats.get(id) ?? 0) + 1);
        const g = groupOf.get(id);
        if (g) seenGroups.add(g);
      }
      seenGroups.forEach((g) => groups[g]++);
    }
    return { cats, groups, total, untagged };
  };
  const cur = tally(range.start, range.end);
  const prev = range.previous ? tally(range.previous.start, range.previous.end) : null;
  const ids = new Set([...categories.map((c) => c.id), ...cur.cats.keys(), ...(prev?.cats.keys() ?? [])]);
  const byCategory = [...ids]
    .map((id) => ({ id, ...trend(cur.cats.get(id) ?? 0, prev ? prev.cats.get(id) ?? 0 : null) }))
    .sort((a, b) => b.current - a.current || (b.previous ?? 0) - (a.previous ?? 0) || a.id.localeCompare(b.id));
  return {
    total: trend(cur.total, prev?.total ?? null),
    untagged: trend(cur.untagged, prev?.untagged ?? null),
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
    const none = opts.likely && suggestedTag(f) ? LIKELY_SERIES : UNTAGGED;
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
