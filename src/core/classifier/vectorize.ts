// Text and context to hashed features for the logistic model: words,
// bigrams, character 4-grams (so unseen words and typos still count),
// keyword families, the Conventional label, the comment's shape (question,
// ```suggestion block, code) and, when the journal has them, the file path
// and diff hunk. Hashing keeps the model a fixed size with no vocabulary.
import { parseConventional } from '../conventional';
import { normalise, stem } from './features';
import { ruleFeatures } from './rules';

/** What the journal knows about a comment besides its text. */
export interface ClassifyContext {
  /** File the comment is on, e.g. "tests/test_api.py". */
  path?: string;
  /** The diff hunk the comment is attached to. */
  diffHunk?: string;
}

/** Number of hashed feature buckets (a power of two). */
export const HASH_BITS = 15;
const MASK = (1 << HASH_BITS) - 1;

export interface SparseVector {
  /** Bucket indices, distinct. */
  index: Int32Array;
  /** Values, L2-normalised so long comments do not shout. */
  value: Float32Array;
}

const WORD = /[a-z0-9]+(?:['’][a-z]+)?|\p{Extended_Pictographic}/gu;
const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'on', 'at', 'for', 'is', 'are', 'be', 'it', 'this', 'that', 'with', 'as', 'by', 'was', 'if', 'so', 'i', 'we', 'you']);
const QUESTION_START = /^(why|what|how|is|are|should|shouldn't|could|can|can't|would|wouldn't|does|doesn't|do|did|will|where|when|which|any reason)\b/;

/** FNV-1a, 32 bit. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

/** The named features of a comment (exported for tests and for reading the model). */
export function featureNames(body: string, context: ClassifyContext = {}): string[] {
  const out = new Set<string>();
  if (typeof body !== 'string') return [];
  const label = parseConventional(body);
  if (label) out.add(`l:${label.label}`);
  const text = normalise(body);
  const raw = text.match(WORD) ?? [];
  const toks = raw.map(stem);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!STOP.has(t)) out.add(`w:${t}`);
    if (i + 1 < toks.length) out.add(`b:${t} ${toks[i + 1]}`);
  }
  for (const w of raw) {
    if (w.length < 4 || /\d/.test(w)) continue;
    const padded = `<${w}>`;
    for (let i = 0; i + 4 <= padded.length; i++) out.add(`c:${padded.slice(i, i + 4)}`);
  }
  for (const r of ruleFeatures(text)) out.add(r);
  shape(body, text, raw.length).forEach((s) => out.add(s));
  pathKind(context.path).forEach((p) => out.add(p));
  hunkKind(context.diffHunk).forEach((h) => out.add(h));
  out.add('bias:1');
  return [...out];
}

function shape(body: string, text: string, words: number): string[] {
  const out: string[] = [];
  const trimmed = text.trim();
  if (/\?/.test(body)) out.push('s:has-q');
  if (body.trim().endsWith('?')) out.push('s:q-end');
  if (QUESTION_START.test(trimmed)) out.push('s:q-start');
  if (/suggestionblock/.test(text)) out.push(words <= 3 ? 's:suggestion-only' : 's:suggestion');
  if (/codeblock/.test(text)) out.push('s:code');
  if (/inlinecode/.test(text)) out.push('s:inline');
  out.push(words <= 3 ? 's:len-tiny' : words <= 12 ? 's:len-short' : words <= 40 ? 's:len-mid' : 's:len-long');
  if (/^(nit|nitpick)\b/.test(trimmed)) out.push('s:nit');
  return out;
}

function pathKind(path: string | undefined): string[] {
  if (!path) return [];
  const p = path.toLowerCase();
  const out: string[] = [];
  if (/(^|\/)(tests?|__tests__|spec)\/|(^|\/)test_[^/]*$|[._-](test|spec)\.[a-z]+$|_test\.[a-z]+$/.test(p)) out.push('p:test');
  if (/(^|\/)docs?\/|\.(md|rst|txt|adoc)$|(^|\/)readme|(^|\/)changelog/.test(p)) out.push('p:docs');
  if (/(^|\/)\.github\/|\.gitlab-ci|jenkinsfile|(^|\/)\.circleci\/|azure-pipelines/.test(p)) out.push('p:ci');
  if (/(^|\/)(package(-lock)?\.json|requirements[^/]*\.txt|pyproject\.toml|setup\.(py|cfg)|cargo\.(toml|lock)|go\.(mod|sum)|gemfile(\.lock)?|pom\.xml|build\.gradle[^/]*|yarn\.lock|pnpm-lock\.yaml|package_constraints\.txt)$/.test(p)) out.push('p:deps');
  if (/(^|\/)(\.pre-commit-config\.yaml|\.eslintrc[^/]*|tsconfig[^/]*\.json|makefile|dockerfile|\.editorconfig|tox\.ini|\.prettierrc[^/]*)$/.test(p)) out.push('p:config');
  if (/(^|\/)(strings|translations?|locales?|i18n)(\/|\.json$)|\.po$/.test(p)) out.push('p:strings');
  if (out.length === 0) out.push('p:src');
  return out;
}

function hunkKind(hunk: string | undefined): string[] {
  if (!hunk) return [];
  const lines = hunk.split('\n').filter((l) => /^[+-]/.test(l) && !/^(\+\+\+|---)/.test(l));
  const last = (lines[lines.length - 1] ?? '').slice(1).trim();
  const out: string[] = [];
  if (/^(#|\/\/|\/\*|\*|"""|''')/.test(last)) out.push('h:comment');
  if (/\b(log(ger)?|_logger|console)\.(debug|info|warn|warning|error|critical|exception|log)\b/i.test(last)) out.push('h:log');
  if (/^\s*(assert|expect\()/.test(last)) out.push('h:assert');
  if (/^\s*(import|from \S+ import|require\()/.test(last)) out.push('h:import');
  return out;
}

/**
 * A question of at most three words with no topic word and no code ("what
 * happened here?", "intentional?"): a question, not a category. The model
 * still gives its best guess; the product does not show it.
 */
export function isBareQuestion(body: string): boolean {
  if (typeof body !== 'string' || !body.trim().endsWith('?')) return false;
  const text = normalise(body);
  if (/\b(codeblock|suggestionblock|inlinecode)\b/.test(text)) return false;
  return (text.match(WORD) ?? []).length <= 3 && ruleFeatures(text).length === 0;
}

/** Hashed, L2-normalised feature vector. */
export function vectorize(body: string, context: ClassifyContext = {}): SparseVector {
  const counts = new Map<number, number>();
  for (const f of featureNames(body, context)) {
    const h = hash(f);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const index = new Int32Array(counts.size);
  const value = new Float32Array(counts.size);
  let norm = 0;
  let i = 0;
  for (const [h, n] of counts) {
    index[i] = h;
    value[i] = n;
    norm += n * n;
    i++;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < value.length; k++) value[k]! *= scale;
  return { index, value };
}
