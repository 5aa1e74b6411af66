// Small text helpers shared by the Markdown and HTML renderers.
import type { Summary, TagSharesSummary, Trend } from './schema';
import { sharesText } from '../review/likely';
import { REVIEW_LINK_BASE } from './build';
import { CONFIRM_HINT } from '../vocabulary';

/** "+4", "−2", "±0": the change against the previous period. */
export function change(t: Trend): string {
  return t.delta > 0 ? `+${t.delta}` : t.delta < 0 ? `−${-t.delta}` : '±0';
}

export function periodText(s: Summary): string {
  const p = s.period;
  const q = s.previousPeriod;
  const days = Number.isInteger(p.days) ? `${p.days} day${p.days === 1 ? '' : 's'}` : `${p.days.toFixed(1)} days`;
  return `${p.firstDay} to ${p.lastDay} (${days}, ${s.timeZone}), compared with ${q.firstDay} to ${q.lastDay}`;
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
  return s.engineers.length === 1 ? `Review summary: ${s.engineers[0]!.login}` : `Team review summary: ${s.engineers.map((e) => e.login).join(', ')}`;
}

/** The review flow's vscode:// link, and nothing else of that scheme. */
export function reviewUrl(url: string | undefined): string | undefined {
  return url && url.startsWith(`${REVIEW_LINK_BASE}?`) && !/[\s<>"]/.test(url) ? url : undefined;
}

/** Every summary states how much of what it counts was confirmed by a person. */
export function sharesLine(s: TagSharesSummary): string {
  return `Tags on comments received: ${sharesText(s)}. Only confirmed tags are counted; likely ones are suggestions nobody has confirmed.`;
}

/** Why the changes by category are left out: one sentence, plain text. */
export function tooFew(now: number, before: number, min: number): string {
  return `Changes by category need at least ${min} comments with a confirmed tag in both periods (${now} now, ${before} before): ${CONFIRM_HINT} first.`;
}
