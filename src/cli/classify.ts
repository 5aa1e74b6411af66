// `review-mentor classify`: JSON lines in, JSON lines out, using the same
// classifier (model and, with --corrections, the same corrections file) as
// the extension. A bad line gets an error line in its place on stdout, so
// output stays one line per input line; the exit code is then 1.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createClassifier, type Correction } from '../core/classifier';
import { CliError, parseOptions, type CliCommand } from './command';

const USAGE = `Usage: review-mentor classify [--corrections <file>] < comments.jsonl

Reads one JSON object per line, {"id": ..., "body": "..."}, and writes
{"id": ..., "category": ..., "group": ..., "confidence": 0..1, "suggest": bool}
per line: the best guess always, and suggest=true when the extension would
show it (false: the classifier is not sure and shows nothing).
A malformed line is answered with {"id": ..., "line": n, "error": "..."}
and makes the exit code 1.

  --corrections <file>  classifier-corrections.json from the extension's
                        storage folder, to classify as the extension does.`;

const command: CliCommand = {
  async run(args) {
    const { values } = parseOptions(args, { corrections: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE);
    if (values.help) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    const classifier = createClassifier(undefined, values.corrections ? readCorrections(values.corrections) : []);
    let bad = 0;
    let n = 0;
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      const out = classifyLine(line, n, (body) => classifier.classify(body));
      if ('error' in out) {
        bad++;
        process.stderr.write(`review-mentor classify: line ${n}: ${out.error}\n`);
      }
      if (!process.stdout.write(JSON.stringify(out) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
    }
    return bad > 0 ? 1 : 0;
  },
};

export default command;

type Output =
  | { id: unknown; category: string; group: string; confidence: number; suggest: boolean }
  | { id: unknown; line: number; error: string };

/** One input line to one output object; exported for tests. */
export function classifyLine(line: string, n: number, classify: (body: string) => { category: string; group: string; confidence: number; suggest: boolean }): Output {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: null, line: n, error: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { id: null, line: n, error: 'expected a JSON object' };
  const { id, body } = value as { id?: unknown; body?: unknown };
  const safeId = typeof id === 'string' || typeof id === 'number' ? id : null;
  if (safeId === null) return { id: null, line: n, error: '"id" must be a string or a number' };
  if (typeof body !== 'string') return { id: safeId, line: n, error: '"body" must be a string' };
  const r = classify(body);
  return { id: safeId, category: r.category, group: r.group, confidence: r.confidence, suggest: r.suggest };
}

function readCorrections(file: string): Correction[] {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { corrections?: unknown };
    return Array.isArray(data.corrections) ? (data.corrections as Correction[]) : [];
  } catch (err) {
    throw new CliError(`cannot read corrections from ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
