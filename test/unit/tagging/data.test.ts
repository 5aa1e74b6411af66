// The evaluation set must stay independent of the training data.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_MODEL } from '../../../src/core/classifier/model.generated';
import { DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import { readSeeds, realTraining, trainingFingerprint } from '../../../scripts/train-classifier';
import { isRealEval, readReal, REAL_EVAL_PROJECTS } from '../../../scripts/classifier-data';
import { IMPORTED, importRows, renderImported } from '../../../scripts/classifier-import';

const root = join(__dirname, '..', '..', '..');
const read = (name: string) =>
  readFileSync(join(root, 'data', 'classifier', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { body: string; category: string });
// Same words, any punctuation or case; emoji-only bodies compare as they are.
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() || s.trim();

describe('classifier data', () => {
  const trainSet = read('train.jsonl');
  const evalSet = read('eval.jsonl');

  it('no evaluation body appears in the training data', () => {
    const seen = new Set(trainSet.map((t) => norm(t.body)));
    const leaked = evalSet.filter((e) => seen.has(norm(e.body)));
    assert.deepEqual(leaked, []);
  });

  it('the training script never reads the evaluation file', () => {
    const source = readFileSync(join(root, 'scripts', 'train-classifier.ts'), 'utf8');
    assert.ok(!/eval\.jsonl|eval-classifier/.test(source));
  });

  it('both sets cover every default category with known ids', () => {
    const ids = DEFAULT_CATEGORIES.map((c) => c.id).sort();
    for (const set of [trainSet, evalSet]) {
      assert.deepEqual([...new Set(set.map((s) => s.category))].sort(), ids);
    }
    assert.ok(evalSet.length >= 200);
    for (const id of ids) assert.ok(evalSet.filter((e) => e.category === id).length >= 14, id);
  });

  it('the shipped model was trained from the current training data', () => {
    // Retraining takes ~30 s; the model records a fingerprint of its inputs instead.
    assert.equal(BASE_MODEL.info.trainingData, trainingFingerprint());
  });

  it('real comments: evaluation projects are never trained on, and every row is well formed', () => {
    const real = readReal();
    const ids = new Set(DEFAULT_CATEGORIES.map((c) => c.id));
    for (const r of real) {
      assert.ok(r.project && r.body.trim(), JSON.stringify(r));
      assert.ok(r.category === null || ids.has(r.category), r.category ?? '');
      // A comment with no category keeps the group its labeller gave it.
      if (r.category === null) assert.ok(r.group === 'technical' || r.group === 'interpersonal', r.body);
      else assert.equal(r.group, DEFAULT_CATEGORIES.find((c) => c.id === r.category)!.group, r.body);
    }
    assert.ok(real.filter(isRealEval).length >= 300);
    assert.ok(new Set(real.filter(isRealEval).map((r) => r.project)).size >= 5);
    const trainedProjects = new Set(realTraining().map((r) => r.project));
    for (const p of REAL_EVAL_PROJECTS) assert.ok(!trainedProjects.has(p), p);
    // Nor do their bodies appear among the seeds (one- and two-word bodies
    // such as "nice" are everyone's words, not a leak).
    const seeds = new Set(readSeeds().map((s) => norm(s.body)));
    const leaked = real.filter(isRealEval).filter((r) => norm(r.body).split(' ').length > 2 && seeds.has(norm(r.body)));
    assert.deepEqual(leaked, []);
  });

  it('the imported crc-py-dataset rows are what the import script makes of the transcription and the hand labels', () => {
    const rows = importRows();
    assert.equal(readFileSync(IMPORTED, 'utf8'), renderImported(rows));
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
    assert.ok(rows.every((r) => !/^(example-org|infra-team)\//.test(r.project)));
  });
});
