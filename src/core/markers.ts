// Published tag markers: a hidden HTML comment appended to a review comment,
// `<!-- review-mentor: technical/testing, interpersonal/praise -->`, read by
// every teammate's extension on sync. One marker carries all categories (a
// comma list) so a re-publish replaces it in place of stacking comments.
// Marker-like text inside code (fenced blocks, inline spans) is quoted, not a
// tag, and other HTML comments are none of our business.
import type { CategoryGroup } from './model';

export interface MarkerTag {
  group: CategoryGroup;
  category: string;
}

const CATEGORY_ID = /^[a-z][a-z0-9-]{0,39}$/;
const ENTRY = /^(technical|interpersonal)\/([a-z][a-z0-9-]{0,39})$/;
// The opening of a marker; its content runs to the next `-->` and may hold
// no newline or backtick (so a match never straddles code spans).
const MARKER_OPEN = /<!--[ \t]*review-mentor[ \t]*:/g;

/** Tags from well-formed markers outside code, in order, one per category. */
export function readMarkers(body: string): MarkerTag[] {
  const out: MarkerTag[] = [];
  if (typeof body !== 'string') return out;
  for (const m of findMarkers(body)) {
    const tags = parseContent(m.content);
    if (!tags) continue; // malformed: ignored as a whole
    for (const t of tags) if (!out.some((o) => o.category === t.category)) out.push(t);
  }
  return out;
}

/**
 * Returns the body with exactly one marker carrying `tags` at the end (no
 * marker when `tags` is empty). Earlier markers are replaced, the rest of the
 * body is kept byte for byte and the body's own line ending is used.
 * Throws RangeError for a group or category id that could not be read back.
 */
export function writeMarker(body: string, tags: MarkerTag | readonly MarkerTag[]): string {
  const list = (Array.isArray(tags) ? tags : [tags as MarkerTag]).filter(
    (t, i, all) => all.findIndex((o) => o.category === t.category) === i,
  );
  for (const t of list) {
    if ((t.group !== 'technical' && t.group !== 'interpersonal') || !CATEGORY_ID.test(t.category)) {
      throw new RangeError(`Not a valid marker tag: ${JSON.stringify(t)}`);
    }
  }
  let base = stripMarkers(body);
  if (list.length === 0) return base;
  const marker = `<!-- review-mentor: ${list.map((t) => `${t.group}/${t.category}`).join(', ')} -->`;
  if (base === '') return marker;
  const eol = base.includes('\r\n') ? '\r\n' : '\n';
  // Appended after an unclosed fence the marker would be shown as code on
  // GitHub (and not read back), so the fence is closed first.
  const open = unclosedFence(base);
  if (open) base += `${eol}${open}`;
  return `${base}${eol}${eol}${marker}`;
}

/** The body without markers (and the blank line written before them), for display. */
export function stripMarkers(body: string): string {
  if (typeof body !== 'string') return '';
  let current = body;
  // Removing one marker can, in contrived text, join two halves into a new
  // one; a few passes settle it.
  for (let pass = 0; pass < 8; pass++) {
    const next = stripOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

function stripOnce(body: string): string {
  const found = findMarkers(body);
  if (found.length === 0) return body;
  let out = '';
  let pos = 0;
  for (const m of found) {
    let before = body.slice(pos, m.start);
    before = before.slice(0, before.length - separatorLength(before));
    out += before;
    pos = m.end;
  }
  return out + body.slice(pos);
}

/** How much of the text before a marker belongs to it: the blank line writeMarker adds, or spaces. */
function separatorLength(before: string): number {
  for (const sep of ['\r\n\r\n', '\n\n', '\r\n', '\n']) if (before.endsWith(sep)) return sep.length;
  return before.length - before.replace(/[ \t]+$/, '').length;
}

interface Found {
  start: number;
  end: number;
  content: string;
}

function findMarkers(body: string): Found[] {
  const out: Found[] = [];
  if (!body.includes('review-mentor')) return out; // the common case, without a code scan
  const code = codeRanges(body);
  // Next `-->` and next line break/backtick, searched forward only: linear
  // even for a hostile body full of unclosed openings.
  let close = -1;
  let stop = -1;
  MARKER_OPEN.lastIndex = 0;
  for (let m = MARKER_OPEN.exec(body); m; m = MARKER_OPEN.exec(body)) {
    const from = m.index + m[0].length;
    if (close < from) close = body.indexOf('-->', from);
    if (close < 0) break;
    if (stop < from) stop = nextBreak(body, from);
    if (stop >= 0 && stop < close) continue;
    const start = m.index;
    if (code.some(([s, e]) => start >= s && start < e)) continue;
    out.push({ start, end: close + 3, content: body.slice(from, close) });
    MARKER_OPEN.lastIndex = close + 3;
  }
  return out;
}

function nextBreak(body: string, from: number): number {
  for (let i = from; i < body.length; i++) {
    const ch = body.charCodeAt(i);
    if (ch === 10 || ch === 13 || ch === 96) return i;
  }
  return body.length;
}

function parseContent(content: string): MarkerTag[] | undefined {
  const parts = content.split(',').map((p) => p.trim());
  const tags: MarkerTag[] = [];
  for (const p of parts) {
    const m = ENTRY.exec(p);
    if (!m) return undefined;
    tags.push({ group: m[1] as CategoryGroup, category: m[2]! });
  }
  return tags.length > 0 ? tags : undefined;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * [start, end) offsets of Markdown code: fenced blocks (an unclosed fence runs
 * to the end, as in CommonMark) and inline code spans outside them. Shared
 * with the classifier, which ignores code.
 */
export function codeRanges(body: string): Array<[number, number]> {
  return scanCode(body).ranges;
}

/** The fence that would close a fence left open at the end of the body, if any. */
export function unclosedFence(body: string): string | undefined {
  return scanCode(body).open;
}

function scanCode(body: string): { ranges: Array<[number, number]>; open?: string } {
  const ranges: Array<[number, number]> = [];
  let fence: { char: string; len: number; start: number } | undefined;
  let proseStart = 0;
  for (const { text, start, end } of lines(body)) {
    if (!fence) {
      const m = FENCE_OPEN.exec(text);
      if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
        ranges.push(...inlineCode(body, proseStart, start));
        fence = { char: m[1]![0]!, len: m[1]!.length, start };
      }
    } else {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.len) {
        ranges.push([fence.start, end]);
        fence = undefined;
        proseStart = end;
      }
    }
  }
  if (fence) {
    ranges.push([fence.start, body.length]);
    return { ranges, open: fence.char.repeat(fence.len) };
  }
  ranges.push(...inlineCode(body, proseStart, body.length));
  return { ranges };
}

function* lines(body: string): Generator<{ text: string; start: number; end: number }> {
  const re = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    yield { text: m[1]!, start: m.index, end: m.index + m[0].length };
    if (m[2] === '') break;
  }
}

function inlineCode(body: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const text = body.slice(from, to);
  const runs = [...text.matchAll(/`+/g)].map((m) => ({ at: m.index, len: m[0].length }));
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    const j = runs.findIndex((r, k) => k > i && r.len === open.len);
    if (j < 0) continue; // an unmatched run is literal text
    out.push([from + open.at, from + runs[j]!.at + runs[j]!.len]);
    i = j;
  }
  return out;
}
