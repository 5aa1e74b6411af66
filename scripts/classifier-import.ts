// Turns the transcription of crc-py-dataset's manually labelled set
// (data/classifier/source/crc-py-dataset-manual.jsonl) into our real rows
// (data/classifier/real/crc-py-dataset.jsonl):
// - source label → our category by MAPPING below, unless the hand review in
//   data/classifier/source/crc-py-dataset-labels.tsv says otherwise (the
//   review is required where the mapping has no answer: questions and false
//   positives);
// - the algorithms-keeper bot's template comments (TheAlgorithms/Python) get
//   their category from the template (TEMPLATES) and are marked `generated`;
// - the dataset's synthetic rows (invented owners such as "example-org") are
//   dropped, and so are repeated comment ids (first one kept).
//   npm run import:classifier [-- --check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CATEGORIES } from '../src/core/taxonomy';
import { DATA_DIR, REAL_DIR, readJsonl, type RealComment } from './classifier-data';

const SOURCE = join(DATA_DIR, 'source', 'crc-py-dataset-manual.jsonl');
const LABELS = join(DATA_DIR, 'source', 'crc-py-dataset-labels.tsv');
export const IMPORTED = join(REAL_DIR, 'crc-py-dataset.jsonl');

interface SourceRow {
  id: number;
  project: string;
  path: string;
  sourceLabel: string;
  body: string;
}

/**
 * The dataset's labels (Turzo et al. 2023 taxonomy, "type/subtype") and the
 * category they most often mean in ours. null: the label says nothing about
 * the topic (a question, a false positive), so a hand label is required.
 */
export const MAPPING: Record<string, string | null> = {
  'functional/logical': 'correctness',
  'functional/validation': 'correctness',
  'functional/resource': 'correctness',
  'functional/timing': 'correctness',
  'functional/interface': 'correctness',
  'functional/functional': 'correctness',
  'functional/support issues': 'tooling',
  'functional/support issue': 'tooling',
  'functional/solution approach': 'design',
  'refactoring/variable naming': 'readability',
  'refactoring/visual representation': 'readability',
  'refactoring/code organization': 'design',
  'refactoring/solution approach': 'design',
  'refactoring/alternate output': 'design',
  'refactoring/validation': 'testing',
  'refactoring/support issues': 'tooling',
  'documentation/documentation': 'documentation',
  'discussion/design discussion': 'design',
  'discussion/praise': 'praise',
  'discussion/question': null,
  'false positive/false positive': null,
};

/** The algorithms-keeper bot's templates and what they ask for. */
export const TEMPLATES: ReadonlyArray<[RegExp, string]> = [
  [/^An error occur/, 'correctness'],
  [/^As there is no test file/, 'testing'],
  [/^Please provide (return )?type hint/, 'documentation'],
  [/^(Please provide descriptive name|Variable and function names should follow|Class names should follow)/, 'readability'],
];

/** Owners the dataset invented for its synthetic rows. */
const SYNTHETIC_OWNERS = new Set([
  'example-org', 'infra-team', 'ui-team', 'backend-team', 'ops-team', 'desktop-team', 'storage-team', 'dev-tools',
  'frontend-team', 'analytics-team', 'graphics-team', 'data-team', 'perf-team', 'finance-team', 'comm-team',
  'sales-team', 'security-team',
]);

export interface ImportedComment extends RealComment {
  id: number;
  generated?: true;
}

export function readHandLabels(file = LABELS): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [id, category] = line.split('\t');
    out.set(Number(id), category.trim());
  }
  return out;
}

export function importRows(source: SourceRow[] = readJsonl<SourceRow>(SOURCE), hand = readHandLabels()): ImportedComment[] {
  const groupOf = new Map(DEFAULT_CATEGORIES.map((c) => [c.id, c.group]));
  const seen = new Set<number>();
  const out: ImportedComment[] = [];
  for (const r of source) {
    if (SYNTHETIC_OWNERS.has(r.project.split('/')[0]) || seen.has(r.id)) continue;
    seen.add(r.id);
    const template = TEMPLATES.find(([re]) => re.test(r.body));
    if (!(r.sourceLabel in MAPPING)) throw new Error(`unmapped source label ${r.sourceLabel} (${r.id})`);
    const label = hand.get(r.id) ?? template?.[1] ?? MAPPING[r.sourceLabel];
    if (label === undefined || label === null) throw new Error(`comment ${r.id} (${r.sourceLabel}) needs a hand label`);
    const category = label === '-' || label === '-i' ? null : label;
    if (category !== null && !groupOf.has(category)) throw new Error(`unknown category ${category} (${r.id})`);
    const group = category === null ? (label === '-i' ? 'interpersonal' : 'technical') : groupOf.get(category)!;
    out.push({
      id: r.id,
      project: r.project,
      path: r.path,
      body: r.body,
      category,
      group: group as RealComment['group'],
      sourceLabel: r.sourceLabel,
      ...(template ? { generated: true as const } : {}),
    });
  }
  return out;
}

export function renderImported(rows: ImportedComment[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

function main(): void {
  const text = renderImported(importRows());
  if (process.argv.includes('--check')) {
    if (readFileSync(IMPORTED, 'utf8') !== text) {
      console.error(`${IMPORTED} is out of date: run npm run import:classifier`);
      process.exit(1);
    }
    console.log('imported rows are up to date');
    return;
  }
  writeFileSync(IMPORTED, text);
  console.log(`wrote ${text.split('\n').length - 1} rows to ${IMPORTED}`);
}

if (require.main === module) main();
