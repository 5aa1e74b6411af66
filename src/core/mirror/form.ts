// How a comment is phrased: does it ask or tell? A plain heuristic over the
// text (documented in docs/my-reviews.md): a sentence ending in "?" asks; an
// imperative opening ("Please add…", "Rename…") or an obligation ("should",
// "must", "need to") tells. Code, quotes, links and tag markers are ignored.
import { stripMarkers } from '../markers';

/** Comment text without code, quoted lines, links and markers. */
function prose(body: string): string {
  return stripMarkers(body.slice(0, 20_000))
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/`[^`\n]*`/g, ' code ')
    .replace(/^\s*>.*$/gm, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ');
}

/** A sentence ends in a question mark (not one inside a word such as "?foo"). */
export function isQuestionForm(body: string): boolean {
  return /\?+(?=[\s)"'*_]|$)/.test(prose(body));
}

// Verbs that open an instruction: "Add a test", "Please rename x".
const IMPERATIVE = new Set(
  `add remove rename move extract replace change fix update split drop pin use avoid make keep document delete revert inline
  return handle check wrap guard merge bump reuse narrow hoist cache log redact escape validate prefer consider`.split(/\s+/),
);
const OBLIGATION = /\b(please|should(?:n't)?|must(?:n't)?|needs? to|have to|has to|don't|do not|never)\b/i;

/** Tells the author what to do: an imperative opening or an obligation word, and no question. */
export function isDirectiveForm(body: string): boolean {
  const text = prose(body);
  if (OBLIGATION.test(text)) return true;
  return text
    .split(/(?<=[.!;:])\s+|\n+/)
    .map((s) => s.trim().replace(/^[-*#>\s]+/, '').toLowerCase())
    .some((s) => IMPERATIVE.has(s.split(/[^a-z']+/)[0] ?? ''));
}
