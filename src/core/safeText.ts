// Untrusted text (comment bodies, titles, logins, paths, notes) made safe to
// show or save anywhere. A body may carry terminal control sequences (ESC[2J
// clears the screen, OSC 52 writes the clipboard), NUL, C1 controls, or bidi
// overrides that reorder the text around them. Every export and every editor
// label goes through this module; it is the only place that knows the rules.
//
// - C0 controls except tab and newline, and DEL, become their visible Control
//   Pictures (ESC -> ␛, NUL -> ␀), so an escape sequence shows as inert text.
// - CR and CRLF become a newline (CR is a line ending, not content).
// - C1 controls (U+0080-U+009F, 8-bit CSI and OSC among them) become U+FFFD.
// - Bidi controls (embeddings, overrides, isolates, marks) are removed.

/** Characters with the Unicode Bidi_Control property. */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** C0 controls other than tab and newline (CR is handled as a line ending), and DEL. */
const C0_SHOWN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const C1 = /[\u0080-\u009F]/g;
/** A quick test for the common case: nothing to change. */
const ANY_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The Control Picture for a C0 control or DEL: U+2400 + code, DEL is U+2421. */
function picture(c: string): string {
  const code = c.charCodeAt(0);
  return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
}

/** Control characters made visible, line endings made newlines, bidi controls removed. */
export function visibleControls(text: string): string {
  if (!ANY_UNSAFE.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(C0_SHOWN, picture)
    .replace(C1, '\uFFFD')
    .replace(BIDI_CONTROL, '');
}

// Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, ... and their presentation forms).
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * One field of a one-line label (a reviewer, a repository, a comment's first
 * line): made safe as above, folded onto one line, and wrapped in a bidi
 * isolate when it holds right-to-left letters, so that it cannot reorder the
 * fields beside it ("bob · acme/api#12 · 3 days ago").
 */
export function labelField(text: string): string {
  const t = visibleControls(text).replace(/\s*\n\s*/g, ' ');
  return RTL.test(t) ? `${FSI}${t}${PDI}` : t;
}

const FORMULA_START = new Set(['=', '+', '-', '@', '\u2212']);

/**
 * True when a spreadsheet could run the cell as a formula (OWASP's CSV
 * injection rule), judged on the value with leading white space, line breaks
 * and invisible format characters trimmed, and full-width forms (＝, ＋, －,
 * ＠) folded to their ASCII look-alikes. A cell that starts with a tab or CR
 * counts too, whatever follows.
 */
export function startsLikeFormula(value: string): boolean {
  if (/^[\t\r]/.test(value)) return true;
  const first = [...value.replace(/^[\s\p{Cc}\p{Cf}]+/u, '').slice(0, 2)][0];
  return first !== undefined && FORMULA_START.has(first.normalize('NFKC'));
}

/** A CSV cell: controls made visible, and a leading apostrophe when it could start a formula. */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const raw = String(value);
  const s = visibleControls(raw);
  return startsLikeFormula(raw) || startsLikeFormula(s) ? `'${s}` : s;
}

// In JSON text these can only occur inside strings (the structure is ASCII).
const JSON_UNSAFE = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON.stringify already escapes C0 controls; this escapes DEL, C1 controls,
 * bidi controls and the line/paragraph separators as \uXXXX too. The data is
 * unchanged for any JSON reader; only the raw characters are gone from the text.
 */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** For tests and checks: a raw control or bidi character other than tab, newline and CR. */
export const UNSAFE_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
