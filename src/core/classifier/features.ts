// Text to features: the same function for training, corrections and
// classification, so a correction speaks the model's language.
import { parseConventional } from '../conventional';
import { codeRanges, stripMarkers } from '../markers';
import { ruleFeatures } from './rules';

/** Longer bodies are cut: the opening says what the comment is about, and time stays bounded. */
export const MAX_BODY = 5000;

/**
 * Lower-case prose with code removed. Fenced blocks become ` codeblock `
 * (GitHub ```suggestion blocks become ` suggestionblock `), inline code
 * ` inlinecode `, links ` url `, so their presence still counts but their
 * content (identifiers, keywords) does not.
 */
export function normalise(body: string): string {
  let text = stripMarkers(body.slice(0, MAX_BODY));
  const ranges = codeRanges(text);
  if (ranges.length > 0) {
    let out = '';
    let pos = 0;
    for (const [s, e] of ranges) {
      out += text.slice(pos, s);
      const chunk = text.slice(s, e);
      out += chunk.startsWith('`') && !/^`{3,}/.test(chunk) ? ' inlinecode ' : /^\s*(`{3,}|~{3,})\s*suggestion/.test(chunk) ? ' suggestionblock ' : ' codeblock ';
      pos = e;
    }
    text = out + text.slice(pos);
  }
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' url ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/[*_>#~]+/g, ' ');
}

const WORD = /[a-z0-9]+(?:['’][a-z]+)?|\p{Extended_Pictographic}/gu;
// Words too common to say anything alone; kept inside bigrams ("the test").
const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'on', 'at', 'for', 'is', 'are', 'be', 'it', 'this', 'that', 'with', 'as', 'by', 'was', 'if', 'so']);

/** A light suffix stripper: enough to join "tests"/"testing", "names"/"naming". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word.replace(/['’]s$/, '');
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

export function tokens(text: string): string[] {
  return (text.match(WORD) ?? []).map(stem);
}

/**
 * Distinct features of a comment: stemmed unigrams (no stop words), bigrams,
 * keyword-rule families and the Conventional Comments label (`label:issue`).
 * Binary on purpose: a word said three times is not three times the evidence.
 */
export function features(body: string): string[] {
  if (typeof body !== 'string' || body.length === 0) return [];
  const out = new Set<string>();
  const conventional = parseConventional(body);
  if (conventional) out.add(`label:${conventional.label}`);
  const text = normalise(body);
  const toks = tokens(text);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!STOP.has(t)) out.add(t);
    if (i + 1 < toks.length) out.add(`${t} ${toks[i + 1]}`);
  }
  for (const r of ruleFeatures(text)) out.add(r);
  if (body.trim().endsWith('?')) out.add('shape:question');
  return [...out];
}
