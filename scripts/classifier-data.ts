// Readers for the classifier's data files and the project split between
// training and evaluation, shared by the training and evaluation scripts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DATA_DIR = join(resolve(__dirname, '..'), 'data', 'classifier');
export const REAL_DIR = join(DATA_DIR, 'real');

/**
 * Projects whose real comments are held out for evaluation. The split is by
 * project, never by row: no comment of these projects is trained on.
 */
export const REAL_EVAL_PROJECTS: readonly string[] = [
  'home-assistant/core',
  'django/django',
  'scikit-learn/scikit-learn',
  'pandas-dev/pandas',
  'matplotlib/matplotlib',
];

export interface Seed {
  body: string;
  category: string;
}

/** A real review comment with its context and our label (null: no category fits). */
export interface RealComment {
  project: string;
  path?: string;
  body: string;
  category: string | null;
  group: 'technical' | 'interpersonal';
  sourceLabel?: string;
  /** The source's comment id, where it has one. */
  id?: number;
  /** Written by a bot from a template (TheAlgorithms' algorithms-keeper). */
  generated?: true;
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

export function readReal(): RealComment[] {
  return readdirSync(REAL_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readJsonl<RealComment>(join(REAL_DIR, f)));
}

export function isRealEval(c: RealComment): boolean {
  return REAL_EVAL_PROJECTS.includes(c.project);
}
