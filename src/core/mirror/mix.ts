// The mix of a set of given comments: on every axis each comment falls in
// exactly one bucket, so the counts of an axis add up to its total and its
// shares to 1. "Likely" splits only subdivide the bucket nobody confirmed.
import type { CategoryGroup, Feedback } from '../model';
import type { Facets, Form, GroupMix, ThreadState, Tone } from './facets';

export interface Split<K extends string> {
  total: number;
  counts: Record<K, number>;
}

export interface CategoryTally {
  id: string;
  /** Comments with this counted category. */
  confirmed: number;
  /** Comments with nothing counted whose suggestion is this category. */
  likely: number;
}

export interface Mix {
  total: number;
  group: Split<GroupMix>;
  /** Of the untagged comments: what their suggestions say. */
  likelyGroup: Split<CategoryGroup | 'none'>;
  tone: Split<Tone>;
  /** Of the comments of unknown kind: what their suggestions say. */
  likelyTone: Split<'praise' | 'issue' | 'none'>;
  blocking: Split<'blocking' | 'nonBlocking'>;
  form: Split<Form>;
  /** Inline review comments only. */
  thread: Split<ThreadState>;
  labels: Split<'labelled' | 'unlabelled'>;
  /** Most frequent first (confirmed, then likely, then id). */
  categories: CategoryTally[];
}

export interface Faceted {
  f: Feedback;
  x: Facets;
}

function split<K extends string>(keys: readonly K[]): Split<K> {
  return { total: 0, counts: Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number> };
}

function add<K extends string>(s: Split<K>, k: K): void {
  s.total++;
  s.counts[k]++;
}

export function mixOf(items: readonly Faceted[]): Mix {
  const m: Mix = {
    total: items.length,
    group: split(['technical', 'interpersonal', 'both', 'untagged'] as const),
    likelyGroup: split(['technical', 'interpersonal', 'none'] as const),
    tone: split(['praise', 'issue', 'remark', 'unknown'] as const),
    likelyTone: split(['praise', 'issue', 'none'] as const),
    blocking: split(['blocking', 'nonBlocking'] as const),
    form: split(['question', 'directive', 'neither'] as const),
    thread: split(['resolved', 'open', 'outdated'] as const),
    labels: split(['labelled', 'unlabelled'] as const),
    categories: [],
  };
  const cats = new Map<string, CategoryTally>();
  const tally = (id: string) => {
    let t = cats.get(id);
    if (!t) cats.set(id, (t = { id, confirmed: 0, likely: 0 }));
    return t;
  };
  for (const { x } of items) {
    add(m.group, x.group);
    if (x.group === 'untagged') add(m.likelyGroup, x.likelyGroup ?? 'none');
    add(m.tone, x.tone);
    if (x.tone === 'unknown') add(m.likelyTone, x.likelyTone ?? 'none');
    add(m.blocking, x.blocking ? 'blocking' : 'nonBlocking');
    add(m.form, x.form);
    if (x.thread) add(m.thread, x.thread);
    add(m.labels, x.labelled ? 'labelled' : 'unlabelled');
    for (const c of x.categories) tally(c).confirmed++;
    if (x.likelyCategory !== undefined) tally(x.likelyCategory).likely++;
  }
  m.categories = [...cats.values()].sort((a, b) => b.confirmed - a.confirmed || b.likely - a.likely || a.id.localeCompare(b.id));
  return m;
}

/** Each bucket's share of the split's total; all 0 when the total is 0. */
export function shares<K extends string>(s: Split<K>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of Object.keys(s.counts) as K[]) out[k] = s.total === 0 ? 0 : s.counts[k] / s.total;
  return out;
}

/** 0..1, or undefined when there is nothing to divide by. */
export function ratio(n: number, total: number): number | undefined {
  return total > 0 ? n / total : undefined;
}

/** "42%", rounding so that a non-zero share never shows as 0% and a partial one never as 100%. */
export function percent(n: number, total: number): string {
  if (total <= 0) return '–';
  const p = (n / total) * 100;
  const r = Math.round(p);
  return `${n > 0 && r === 0 ? '<1' : n < total && r === 100 ? '>99' : r}%`;
}

export type Metric = 'praise' | 'blocking' | 'question' | 'resolved';

/** No prompt and no per-person difference rests on fewer comments than this. */
export const MIN_EVIDENCE = 5;
/** Share points (0..1) two mixes must differ by to be called different. */
export const DIFFERENCE = 0.25;

export function metricShare(m: Mix, metric: Metric): { n: number; total: number } {
  switch (metric) {
    case 'praise':
      return { n: m.tone.counts.praise, total: m.total };
    case 'blocking':
      return { n: m.blocking.counts.blocking, total: m.total };
    case 'question':
      return { n: m.form.counts.question, total: m.total };
    case 'resolved':
      return { n: m.thread.counts.resolved, total: m.thread.total };
  }
}

