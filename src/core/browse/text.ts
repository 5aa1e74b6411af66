// Text helpers for browsing: one-line labels from markdown bodies, "3 days
// ago", and word search over comments with a simple ranking.
import * as l10n from '@vscode/l10n';
import type { Feedback } from '../model';
import { stripMarkers } from '../markers';
import { visibleControls } from '../safeText';

const MAX_LABEL = 200;

/**
 * The first meaningful line of a comment as plain text, for tree labels and
 * quick picks: hidden markers, HTML, code fences and markdown syntax removed.
 * Quoted lines (`> ...`, usually the comment being answered) are skipped when
 * the comment says anything of its own. Control characters are made visible
 * and bidi controls dropped (src/core/safeText.ts).
 */
export function firstLine(body: string): string {
  if (typeof body !== 'string') return '';
  const text = visibleControls(stripMarkers(body)).replace(/<!--[\s\S]*?-->/g, ' ');
  let quoted = '';
  let inFence = false;
  let fenceInfo = '';
  let sawSuggestion = false;
  for (const raw of text.split(/\r?\n|\r/)) {
    const fence = /^\s*(```|~~~)\s*(\S*)/.exec(raw);
    if (fence) {
      inFence = !inFence;
      fenceInfo = inFence ? fence[2]!.toLowerCase() : '';
      if (fenceInfo === 'suggestion') sawSuggestion = true;
      continue;
    }
    if (inFence) continue;
    const isQuote = /^\s*>/.test(raw);
    const plain = plainInline(raw.replace(/^\s*(>\s*)+/, ''));
    if (plain === '') continue;
    if (isQuote) {
      quoted ||= plain;
      continue;
    }
    return truncate(plain, MAX_LABEL);
  }
  if (quoted) return truncate(quoted, MAX_LABEL);
  return sawSuggestion || fenceInfo === 'suggestion' ? l10n.t('Suggested change') : '';
}

/** Inline markdown to plain text: headings, list markers, emphasis, code, links, images, tags. */
function plainInline(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,!?:;]|$)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", "3 weeks ago", "2 months ago", "1 year ago". */
export function relativeAge(date: string | Date, now: Date): string {
  const t = typeof date === 'string' ? Date.parse(date) : date.getTime();
  if (Number.isNaN(t)) return '';
  const d = now.getTime() - t;
  // A clock a little ahead of ours is not "in the future" to the reader.
  if (d < MINUTE) return l10n.t('just now');
  if (d < HOUR) return l10n.t('{0} min ago', Math.floor(d / MINUTE));
  if (d < DAY) return l10n.t('{0} h ago', Math.floor(d / HOUR));
  const days = Math.floor(d / DAY);
  if (days === 1) return l10n.t('yesterday');
  if (days < 14) return l10n.t('{0} days ago', days);
  if (days < 60) return l10n.t('{0} weeks ago', Math.floor(days / 7));
  if (days < 365) return l10n.t('{0} months ago', Math.floor(days / 30.44));
  const years = Math.floor(days / 365.25);
  return years <= 1 ? l10n.t('1 year ago') : l10n.t('{0} years ago', years);
}

/** Lower-case words of a query; quotes and repeated spaces are ignored. */
export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().replace(/["“”]/g, ' ').split(/\s+/).filter(Boolean))];
}

interface Haystack {
  body: string;
  title: string;
  meta: string;
  all: string;
}

// Lower-cased search text per item; an edited body gets a new entry.
const hayCache = new WeakMap<Feedback, { body: string; hay: Haystack }>();

function haystack(f: Feedback): Haystack {
  const cached = hayCache.get(f);
  if (cached && cached.body === f.body) return cached.hay;
  const body = stripMarkers(f.body ?? '').toLowerCase();
  const title = (f.prTitle ?? '').toLowerCase();
  const meta = `${f.path ?? ''}\n${f.reviewer}\n${f.repo}\n${f.repo}#${f.prNumber}`.toLowerCase();
  const hay = { body, title, meta, all: `${body}\n${title}\n${meta}` };
  hayCache.set(f, { body: f.body, hay });
  return hay;
}

/** True when every word occurs somewhere in the item's body, path, reviewer, repo or PR title. */
export function matchesWords(f: Feedback, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const all = haystack(f).all;
  return words.every((w) => all.includes(w));
}

/**
 * Items containing every word of `query`, best first: a word that starts a
 * word in the text beats one found inside another word, title and metadata
 * matches weigh more than body matches, then newer first. An empty query
 * returns every item, newest first.
 */
export function searchFeedback(items: readonly Feedback[], query: string): Feedback[] {
  const words = queryWords(query);
  const scored: { f: Feedback; score: number; t: number }[] = [];
  for (const f of items) {
    if (!matchesWords(f, words)) continue;
    const h = haystack(f);
    let score = 0;
    for (const w of words) {
      score += fieldScore(h.meta, w) * 3 + fieldScore(h.title, w) * 2 + fieldScore(h.body, w);
    }
    scored.push({ f, score, t: Date.parse(f.createdAt) || 0 });
  }
  scored.sort((a, b) => b.score - a.score || b.t - a.t);
  return scored.map((s) => s.f);
}

function fieldScore(text: string, word: string): number {
  let at = text.indexOf(word);
  if (at < 0) return 0;
  let best = 1;
  let hits = 0;
  while (at >= 0 && hits < 5) {
    hits++;
    const before = at === 0 ? '' : text[at - 1]!;
    if (before === '' || !/[\p{L}\p{N}_]/u.test(before)) {
      const after = text[at + word.length] ?? '';
      best = Math.max(best, after === '' || !/[\p{L}\p{N}_]/u.test(after) ? 4 : 2);
    }
    at = text.indexOf(word, at + word.length);
  }
  return best + (hits - 1) * 0.25;
}
