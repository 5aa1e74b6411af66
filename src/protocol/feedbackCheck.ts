// A hand-written check for feedback items, equivalent to `feedbackSchema`
// (a unit test feeds both the same valid and mutated items). The webview
// runs zod without eval (CSP), where the structural schema costs ~50 µs per
// item: 10,000 items took over half a second. This check takes ~1 µs.
import type { Feedback } from '../core/model';
import { LIMITS } from './limits';

type Rec = Record<string, unknown>;

const KINDS = new Set(['review-comment', 'review-summary', 'conversation']);
const SOURCES = new Set(['manual', 'marker', 'conventional-comment', 'suggested']);

function str(v: unknown, max: number, nonEmpty = false): boolean {
  return typeof v === 'string' && v.length <= max && (!nonEmpty || v.length > 0);
}
function optStr(v: unknown, max: number): boolean {
  return v === undefined || str(v, max);
}
function optNum(v: unknown): boolean {
  return v === undefined || Number.isFinite(v);
}
function optBool(v: unknown): boolean {
  return v === undefined || typeof v === 'boolean';
}
function isObj(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTag(t: unknown): boolean {
  if (!isObj(t)) return false;
  const c = t.confidence;
  return (
    str(t.category, 64, true) &&
    typeof t.source === 'string' && SOURCES.has(t.source) &&
    (c === undefined || (typeof c === 'number' && c >= 0 && c <= 1)) &&
    str(t.at, 64) &&
    str(t.by, LIMITS.login, true) &&
    optBool(t.published)
  );
}

function isConventional(v: unknown): boolean {
  if (v === undefined) return true;
  if (!isObj(v) || !str(v.label, Infinity) || !optBool(v.blocking)) return false;
  const d = v.decorations;
  return Array.isArray(d) && d.length <= 20 && d.every((x) => typeof x === 'string');
}

export function isFeedback(x: unknown): x is Feedback {
  if (!isObj(x)) return false;
  const tags = x.tags;
  const rejected = x.rejectedSuggestions;
  return (
    str(x.id, LIMITS.id, true) &&
    typeof x.kind === 'string' && KINDS.has(x.kind) &&
    str(x.prUrl, LIMITS.url) &&
    optStr(x.prTitle, LIMITS.shortText) &&
    str(x.repo, 300) &&
    Number.isFinite(x.prNumber) &&
    optStr(x.path, 4_096) &&
    optNum(x.line) &&
    optNum(x.originalLine) &&
    optStr(x.diffHunk, LIMITS.body) &&
    str(x.author, LIMITS.login, true) &&
    str(x.reviewer, LIMITS.login, true) &&
    optBool(x.reviewerIsBot) &&
    str(x.body, LIMITS.body) &&
    str(x.url, LIMITS.url) &&
    str(x.createdAt, 64) &&
    str(x.updatedAt, 64) &&
    optStr(x.threadId, LIMITS.id) &&
    typeof x.isResolved === 'boolean' &&
    optBool(x.isOutdated) &&
    Array.isArray(tags) && tags.length <= LIMITS.tags && tags.every(isTag) &&
    (rejected === undefined || (Array.isArray(rejected) && rejected.length <= LIMITS.tags && rejected.every((r) => typeof r === 'string'))) &&
    isConventional(x.conventional) &&
    optStr(x.learnedAt, 64)
  );
}
