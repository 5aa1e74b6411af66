// Shares of the three states of an item's category, for the review flow,
// the journal and the summaries. The states themselves (confirmed, likely,
// not sure) and their words are defined once, in core/vocabulary.
import * as l10n from '@vscode/l10n';
import type { Feedback } from '../model';
import { likelyTag, tagStateOf, type TagState } from '../vocabulary';

export type TagLayer = TagState;

/** Chart and table key for the "likely" layer. */
export const LIKELY = 'likely';

export function layerOf(f: Feedback): TagLayer {
  return tagStateOf(f);
}

/** The likely category of an item: its suggestion, when nothing confirmed tags it. */
export function likelyCategory(f: Feedback): string | undefined {
  return likelyTag(f)?.category;
}

export interface TagShares {
  confirmed: number;
  likely: number;
  notSure: number;
}

export function tagShares(items: Iterable<Feedback>): TagShares {
  const s: TagShares = { confirmed: 0, likely: 0, notSure: 0 };
  for (const f of items) {
    const layer = layerOf(f);
    if (layer === 'confirmed') s.confirmed++;
    else if (layer === 'likely') s.likely++;
    else s.notSure++;
  }
  return s;
}

export function likelyByCategory(items: Iterable<Feedback>): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of items) {
    const c = likelyCategory(f);
    if (c) m.set(c, (m.get(c) ?? 0) + 1);
  }
  return m;
}

/** Whole percentages that add up to 100 (largest remainder), or all 0 for no items. */
export function percentages(s: TagShares): TagShares {
  const total = s.confirmed + s.likely + s.notSure;
  if (total === 0) return { confirmed: 0, likely: 0, notSure: 0 };
  const keys = ['confirmed', 'likely', 'notSure'] as const;
  const raw = keys.map((k) => (s[k] * 100) / total);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let left = 100 - out.reduce((a, b) => a + b, 0), j = 0; left > 0; left--, j++) out[order[j % 3]![1]]!++;
  return { confirmed: out[0]!, likely: out[1]!, notSure: out[2]! };
}

/** "20% confirmed (69) · 73% likely (250) · 7% not sure (23)". */
export function sharesText(s: TagShares): string {
  const p = percentages(s);
  return [l10n.t('{0}% confirmed ({1})', p.confirmed, s.confirmed), l10n.t('{0}% likely ({1})', p.likely, s.likely), l10n.t('{0}% not sure ({1})', p.notSure, s.notSure)].join(' · ');
}
