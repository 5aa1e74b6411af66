// "My reviews" for one reviewer and one period: their overall mix, the mix
// per person they reviewed with where it differs from the rest, and the
// prompts. Pure: the period, the taxonomy and how people are named are passed in.
import { isGivenBy, sameLogin, type Feedback } from '../model';
import { facetsOf, type GroupOf } from './facets';
import { DIFFERENCE, MIN_EVIDENCE, metricShare, mixOf, ratio, type Faceted, type Metric, type Mix } from './mix';
import { promptsFor, type Prompt } from './prompts';

export interface Difference {
  metric: Metric;
  /** Share for this person (0..1). */
  person: number;
  /** Share for everyone else the reviewer reviewed (0..1). */
  others: number;
}

export interface PersonMix {
  login: string;
  mix: Mix;
  /** Shares at least DIFFERENCE apart from everyone else's, both sides backed by enough comments. */
  differences: Difference[];
}

export interface MirrorOptions {
  reviewer: string;
  /** Inclusive start (ms); null for all time. */
  from: number | null;
  /** Exclusive end (ms). */
  to: number;
  groupOf: GroupOf;
  labelOf: (categoryId: string) => string;
  /** How a login appears in prompt text (a pseudonym in private exports). */
  nameOf?: (login: string) => string;
  /** Appended to prompts about the period, e.g. " in the last 30 days"; may be "". */
  periodPhrase?: string;
  /** The fewest comments a prompt may rest on (default MIN_EVIDENCE). */
  minEvidence?: number;
}

export interface MirrorReport {
  reviewer: string;
  overall: Mix;
  /** Most comments first. */
  people: PersonMix[];
  prompts: Prompt[];
  /** Ids of the comments in the period, oldest first. */
  ids: string[];
}

export function mirrorReport(feedback: readonly Feedback[], o: MirrorOptions): MirrorReport {
  const min = o.minEvidence ?? MIN_EVIDENCE;
  const items: Faceted[] = feedback
    .filter((f) => isGivenBy(f, o.reviewer) && inPeriod(f.createdAt, o.from, o.to))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((f) => ({ f, x: facetsOf(f, o.groupOf) }));
  const byPerson = new Map<string, { login: string; items: Faceted[] }>();
  for (const it of items) {
    const key = it.f.author.toLowerCase();
    const p = byPerson.get(key) ?? { login: it.f.author, items: [] };
    p.items.push(it);
    byPerson.set(key, p);
  }
  const people: PersonMix[] = [...byPerson.values()]
    .map((p) => {
      const mix = mixOf(p.items);
      const others = mixOf(items.filter((it) => !sameLogin(it.f.author, p.login)));
      return { login: p.login, mix, differences: differences(mix, others, min) };
    })
    .sort((a, b) => b.mix.total - a.mix.total || a.login.localeCompare(b.login));
  const overall = mixOf(items);
  const prompts = promptsFor({ items, byPerson: [...byPerson.values()], overall, people, min, o });
  return { reviewer: o.reviewer, overall, people, prompts, ids: items.map((it) => it.f.id) };
}

function differences(person: Mix, others: Mix, min: number): Difference[] {
  const out: Difference[] = [];
  for (const metric of ['praise', 'blocking', 'question', 'resolved'] as const) {
    const a = metricShare(person, metric);
    const b = metricShare(others, metric);
    if (a.total < min || b.total < min) continue;
    const pa = ratio(a.n, a.total)!;
    const pb = ratio(b.n, b.total)!;
    if (Math.abs(pa - pb) >= DIFFERENCE) out.push({ metric, person: pa, others: pb });
  }
  return out;
}

function inPeriod(iso: string, from: number | null, to: number): boolean {
  const t = Date.parse(iso);
  return !Number.isNaN(t) && (from === null || t >= from) && t < to;
}
