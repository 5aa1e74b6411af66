import { strict as assert } from 'node:assert';
import type { Classifier } from '../../../src/core/classifier';
import { evaluate } from '../../../src/core/classifier/metrics';

describe('classifier metrics', () => {
  it('computes accuracy, group accuracy and macro-F1 by hand-checked numbers', () => {
    // Answers are keyed by body: a is right, b is wrong within the group, c crosses groups.
    const answers: Record<string, [string, 'technical' | 'interpersonal']> = {
      a1: ['testing', 'technical'], a2: ['testing', 'technical'],
      b1: ['testing', 'technical'], b2: ['design', 'technical'],
      c1: ['design', 'technical'],
    };
    const classifier: Classifier = { classify: (body) => ({ category: answers[body]![0], group: answers[body]![1], confidence: 1, suggest: true, alternatives: [] }) };
    const items = [
      { body: 'a1', category: 'testing' }, { body: 'a2', category: 'testing' },
      { body: 'b1', category: 'design' }, { body: 'b2', category: 'design' },
      { body: 'c1', category: 'praise' },
    ];
    const groups: Record<string, 'technical' | 'interpersonal'> = { testing: 'technical', design: 'technical', praise: 'interpersonal' };
    const r = evaluate(classifier, items, (c) => groups[c], { timingRounds: 1 });
    assert.equal(r.accuracy, 3 / 5);
    assert.equal(r.groupAccuracy, 4 / 5);
    // testing: P 2/3 R 1 F1 0.8; design: P 1/2 R 1/2 F1 0.5; praise: 0.
    assert.ok(Math.abs(r.perCategory.testing!.f1 - 0.8) < 1e-9);
    assert.ok(Math.abs(r.perCategory.design!.f1 - 0.5) < 1e-9);
    assert.equal(r.perCategory.praise!.f1, 0);
    assert.ok(Math.abs(r.macroF1 - 1.3 / 3) < 1e-9);
    assert.equal(r.mistakes.length, 2);
    assert.ok(r.msPerComment >= 0);
  });
});
