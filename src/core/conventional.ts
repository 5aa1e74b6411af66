// Conventional Comments (https://conventionalcomments.org): `label (decorations): subject`
// on the first non-empty line of a comment. The label and its topic decorations
// are strong evidence of a category, so they become tags of their own.
import type { ConventionalLabel } from './model';

export const CONVENTIONAL_LABELS = [
  'praise', 'nitpick', 'suggestion', 'issue', 'todo', 'question', 'thought',
  'chore', 'note', 'typo', 'polish', 'quibble',
] as const;

/** Short forms people actually type; mapped to the canonical label. */
const ALIASES: Record<string, string> = { nit: 'nitpick' };

export type ParsedConventional = ConventionalLabel & { subject: string };

// `label`, optional `(decorations)`, then `:`. Bold (`**label**:`, `**label:**`,
// `__label__:`) is allowed because GitHub users often write it that way.
// The colon must be followed by a space or the end: `note://x` is a URL.
const LINE = /^(\*\*|__)?([A-Za-z]+)(?:\s*\(([^()\n]*)\))?\s*(\*\*|__)?\s*:(?=\s|$|\*\*|__)(\*\*|__)?(.*)$/;
const DECORATION = /^[a-z0-9][a-z0-9 _./-]{0,39}$/;

export function parseConventional(body: string): ParsedConventional | undefined {
  if (typeof body !== 'string') return undefined;
  const line = firstNonEmptyLine(body.slice(0, 2000));
  if (line === undefined) return undefined;
  const m = LINE.exec(line);
  if (!m) return undefined;
  const [, open, rawLabel, rawDecorations, closeBefore, closeAfter, rest] = m;
  // Bold markers must pair up: `**praise**:` or `**praise:**`, not `**praise:`.
  if ((open ?? '') !== (closeBefore ?? closeAfter ?? '')) return undefined;
  if (closeBefore && closeAfter) return undefined;
  const lower = rawLabel!.toLowerCase();
  const label = ALIASES[lower] ?? lower;
  if (!(CONVENTIONAL_LABELS as readonly string[]).includes(label)) return undefined;
  const decorations: string[] = [];
  if (rawDecorations !== undefined) {
    for (const part of rawDecorations.split(',')) {
      const d = part.trim().toLowerCase();
      if (d === '') continue;
      if (!DECORATION.test(d)) return undefined;
      if (!decorations.includes(d)) decorations.push(d);
    }
  }
  const result: ParsedConventional = { label, decorations, subject: rest!.trim() };
  if (decorations.includes('blocking')) result.blocking = true;
  else if (decorations.includes('non-blocking') || decorations.includes('nonblocking')) result.blocking = false;
  return result;
}

function firstNonEmptyLine(body: string): string | undefined {
  for (const line of body.split(/\r?\n|\r/)) {
    const t = line.trim();
    if (t !== '') return t;
  }
  return undefined;
}

/** Topic decorations people use, mapped to default category ids. */
const TOPICS: Record<string, string> = {
  security: 'security', sec: 'security', privacy: 'security',
  performance: 'performance', perf: 'performance', speed: 'performance', memory: 'performance',
  test: 'testing', tests: 'testing', testing: 'testing', coverage: 'testing',
  readability: 'readability', style: 'readability', naming: 'readability', formatting: 'readability', clarity: 'readability',
  docs: 'documentation', doc: 'documentation', documentation: 'documentation', comments: 'documentation', changelog: 'documentation',
  design: 'design', architecture: 'design', api: 'design', structure: 'design',
  bug: 'correctness', correctness: 'correctness', logic: 'correctness',
  // An accessibility defect is a bug for the people it excludes.
  a11y: 'correctness', accessibility: 'correctness',
  ci: 'tooling', build: 'tooling', tooling: 'tooling', deps: 'tooling', dependencies: 'tooling', lint: 'tooling', config: 'tooling',
  communication: 'communication', collaboration: 'collaboration', tone: 'tone',
  mentoring: 'mentoring', learning: 'mentoring', til: 'mentoring', ownership: 'ownership', 'follow-up': 'ownership',
};

const LABEL_DEFAULT: Record<string, string> = {
  praise: 'praise',
  typo: 'readability',
  nitpick: 'readability',
  polish: 'readability',
  quibble: 'readability',
};

/**
 * Category ids a label implies. Topic decorations win over the label's own
 * default (`nitpick (docs):` is documentation); labels such as `issue:` or
 * `question:` say nothing about the category and return [] for the classifier.
 */
export function conventionalTags(label: ConventionalLabel): string[] {
  const out: string[] = [];
  for (const d of label.decorations) {
    const c = TOPICS[d];
    if (c && !out.includes(c)) out.push(c);
  }
  // praise stays praise even with a topic: `praise (tests):` praises the tests.
  if (label.label === 'praise') return ['praise', ...out.filter((c) => c !== 'praise')];
  if (out.length > 0) return out;
  const fallback = LABEL_DEFAULT[label.label];
  return fallback ? [fallback] : [];
}
