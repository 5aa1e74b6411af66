import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createClassifier, type Correction } from '../../../src/core/classifier';
import { MAX_BODY, features } from '../../../src/core/classifier/features';
import { mapConfidence } from '../../../src/core/classifier/logistic';
import { isBareQuestion } from '../../../src/core/classifier/vectorize';
import { BASE_MODEL } from '../../../src/core/classifier/model.generated';
import { DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';

const at = '2026-01-01T00:00:00Z';

describe('classifier', () => {
  const base = createClassifier();

  it('recognises clear comments of several kinds', () => {
    const cases: Array<[string, string]> = [
      ['The user id is concatenated into the SQL string, please use a parameterised query.', 'security'],
      ['Awesome work, this is so much cleaner now 🎉', 'praise'],
      ['Please add a unit test for the empty list case.', 'testing'],
      ['This issues one query per row inside the loop; batch them.', 'performance'],
      ['Update the README and the changelog for the new flag.', 'documentation'],
    ];
    for (const [body, category] of cases) assert.equal(base.classify(body).category, category, body);
  });

  it('returns a group, a confidence in 0..1 and ranked alternatives', () => {
    const r = base.classify('Thanks for the thorough tests, great job!');
    assert.equal(r.group, 'interpersonal');
    assert.ok(r.confidence > 0 && r.confidence <= 1);
    assert.equal(r.alternatives.length, 3);
    assert.ok(r.alternatives.every((a, i) => a.confidence <= r.confidence && (i === 0 || a.confidence <= r.alternatives[i - 1]!.confidence)));
    assert.ok(!r.alternatives.some((a) => a.category === r.category));
  });

  it('lets a Conventional Comments label or a marker decide', () => {
    const label = base.classify('issue (security): the loop is slow');
    assert.deepEqual([label.category, label.confidence], ['security', 0.95]);
    const marker = base.classify('Nice work!\n\n<!-- review-mentor: technical/testing -->');
    assert.deepEqual([marker.category, marker.group, marker.confidence], ['testing', 'technical', 0.99]);
    // The marker's group counts, even for a custom category this model never saw.
    const custom = base.classify('Thanks, lovely work!\n\n<!-- review-mentor: technical/a11y -->');
    assert.deepEqual([custom.category, custom.group], ['a11y', 'technical']);
    // A label without a category leaves it to the model.
    assert.equal(base.classify('question: have you added a unit test for the empty case?').category, 'testing');
  });

  it('ignores code: words inside code blocks do not count', () => {
    const body = 'Lovely, thank you!\n```ts\nconst password = exec(`SELECT * FROM users WHERE id=${id}`); // sql injection xss token\n```';
    assert.equal(base.classify(body).category, 'praise');
    assert.ok(!features(body).includes('password'));
  });

  it('handles empty, huge and odd input without throwing', () => {
    for (const body of ['', '   ', '```\n```', 'x'.repeat(1_000_000), '🎉'.repeat(10_000), null, undefined, 42] as unknown[]) {
      const r = base.classify(body as string);
      assert.equal(typeof r.category, 'string');
      assert.ok(r.confidence >= 0 && r.confidence <= 1);
    }
    assert.equal(base.classify('').confidence < 0.2, true);
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => assert.ok(base.classify(s).category.length > 0)));
  });

  it('truncates long bodies: text after the limit is not read', () => {
    const head = 'Please add a unit test for this branch. ';
    const body = head + ' '.repeat(MAX_BODY) + 'SQL injection xss csrf secret token password leak '.repeat(50);
    assert.equal(base.classify(body).category, 'testing');
  });

  it('abstains when not sure, but still reports its best guess', () => {
    const empty = base.classify('');
    assert.equal(empty.suggest, false);
    assert.ok(empty.category.length > 0);
    const clear = base.classify('Please add a unit test for this branch.');
    assert.deepEqual([clear.category, clear.suggest], ['testing', true]);
    assert.equal(base.classify('The password is stored in plaintext; please hash it with bcrypt.').category, 'security');
    assert.equal(base.classify('question: why?').suggest, false);
    // Interpersonal categories need at least the evidence technical ones need.
    assert.ok(BASE_MODEL.threshold.interpersonal >= BASE_MODEL.threshold.technical, JSON.stringify(BASE_MODEL.threshold));
  });

  it('states confidence through the model\'s monotone map, linear between knots', () => {
    const map: Array<[number, number]> = [[0.2, 0.1], [0.6, 0.5], [0.9, 0.95]];
    assert.equal(mapConfidence(undefined, 0.42), 0.42);
    assert.ok(Math.abs(mapConfidence(map, 0.05) - 0.025) < 1e-9);
    assert.ok(Math.abs(mapConfidence(map, 0.4) - 0.3) < 1e-9);
    assert.equal(mapConfidence(map, 0.99), 0.95);
    const r = base.classify('Please add a unit test for this branch.');
    assert.ok(r.confidence >= 0 && r.confidence <= 1);
    for (const a of r.alternatives) assert.ok(a.confidence <= r.confidence + 1e-9);
  });

  it('a bare question is a question, not a category: the best guess is kept but not shown', () => {
    // On a source file the model alone would show "correctness" here (confidence above the threshold).
    const r = base.classify('what happened here?', { path: 'homeassistant/components/hue/light.py' });
    assert.equal(r.suggest, false, JSON.stringify(r));
    assert.ok(r.category && r.confidence > 0);
    assert.ok(r.alternatives.every((a) => !a.suggest));
    for (const body of ['intentional?', 'How is this related?', 'Why?', 'Still needed?']) assert.equal(base.classify(body).suggest, false, body);
    // A short question that names its topic, or quotes code, is a remark about that topic.
    assert.deepEqual([base.classify('Missing test?').category, base.classify('Missing test?').suggest], ['testing', true]);
    assert.equal(isBareQuestion('Why `sorted` here?'), false);
    assert.equal(isBareQuestion('What happens here if the list is empty?'), false);
  });

  it('polite or question-form technical remarks are not suggested as interpersonal', () => {
    for (const body of [
      'what happened here?',
      'How is this related?',
      'I think we might want to handle the empty list here.',
      'What do you think about using importlib.resources instead?',
      'Could you move this into the coordinator? Thanks!',
    ]) {
      const r = base.classify(body);
      assert.ok(r.group === 'technical' || !r.suggest, `${body} -> ${r.category} ${r.confidence}`);
    }
  });

  it('uses the file path when the journal has it', () => {
    const body = 'This is not right.';
    const inTest = base.classify(body, { path: 'tests/components/test_sensor.py' });
    const inDocs = base.classify(body, { path: 'docs/howto/setup.md' });
    assert.notDeepEqual([inTest.category, inTest.confidence], [inDocs.category, inDocs.confidence]);
  });

  it('knows the group of every default category', () => {
    for (const c of DEFAULT_CATEGORIES) {
      const r = createClassifier(undefined, []).classify(`Nice\n\n<!-- review-mentor: ${c.group}/${c.id} -->`);
      assert.equal(r.group, c.group, c.id);
    }
  });
});

describe('classifier corrections', () => {
  const a11y = [
    'Please add an aria-label to this icon button.',
    'This image needs alt text for screen readers.',
    'The focus ring was removed, so keyboard users cannot see where they are.',
  ];
  const later = [
    'The close icon has no aria-label, so screen readers announce nothing.',
    'Missing alt text on the avatar image.',
    'Keyboard users lose the focus ring on this link.',
  ];

  it('learns a custom category after a few corrections', () => {
    const before = createClassifier();
    for (const b of later) assert.notEqual(before.classify(b).category, 'accessibility');
    const corrections: Correction[] = a11y.map((body) => ({ body, category: 'accessibility', rejected: before.classify(body).category, at }));
    const after = createClassifier(undefined, corrections, { groupOf: (c) => (c === 'accessibility' ? 'technical' : undefined) });
    for (const b of later) {
      const r = after.classify(b);
      assert.equal(r.category, 'accessibility', b);
      assert.equal(r.group, 'technical');
    }
  });

  it('re-maps a kind of comment the base model files elsewhere', () => {
    const flags = [
      'Add this feature flag to the flag registry so product can toggle it.',
      'Feature flag names should follow the FF_ prefix convention.',
      'Please register the new feature flag in the flags registry.',
    ];
    const probe = 'Please put the feature flag name in the flags registry.';
    const before = createClassifier();
    assert.notEqual(before.classify(probe).category, 'tooling');
    const after = createClassifier(undefined, flags.map((body) => ({ body, category: 'tooling', at })));
    assert.equal(after.classify(probe).category, 'tooling');
    // Unrelated comments keep their category.
    for (const [body, category] of [
      ['The password is stored in plaintext; hash it with bcrypt.', 'security'],
      ['Great job, this is really clean.', 'praise'],
    ]) {
      assert.equal(after.classify(body!).category, category);
    }
  });

  it('one correction is not enough to override a confident base answer elsewhere', () => {
    const after = createClassifier(undefined, [{ body: 'Please add a unit test for the parser.', category: 'tone', at }]);
    assert.equal(after.classify('Could you add tests for the retry logic and the timeout path?').category, 'testing');
  });

  it('the correction memory alone (model update off) fixes the next similar comment', () => {
    const corrected = 'Please register the new feature flag in the flags registry so product can toggle it.';
    const next = 'Please register this feature flag in the flags registry too.';
    const before = createClassifier();
    assert.notEqual(before.classify(next).category, 'tooling');
    const memoryOnly = createClassifier(undefined, [{ body: corrected, category: 'tooling', rejected: before.classify(corrected).category, at }], { modelUpdate: false });
    assert.equal(memoryOnly.classify(next).category, 'tooling');
    // With both mechanisms off the correction has no effect: the test measures the memory.
    const neither = createClassifier(undefined, [{ body: corrected, category: 'tooling', at }], { modelUpdate: false, memory: false });
    assert.equal(neither.classify(next).category, before.classify(next).category);
  });

  it('a rejected suggestion is not suggested again for that comment or its near duplicates', () => {
    const body = 'Can we give this variable a more descriptive name?';
    const before = createClassifier().classify(body);
    assert.equal(before.category, 'readability');
    // The person says: not readability, it is design.
    const after = createClassifier(undefined, [{ body, category: 'design', rejected: 'readability', at }], { modelUpdate: false });
    for (const b of [body, 'Can we give this variable a more descriptive name please?', 'can we give this variable a more descriptive name']) {
      const r = after.classify(b);
      assert.notEqual(r.category, 'readability', b);
      assert.ok(!r.alternatives.some((a) => a.category === 'readability'), b);
    }
    // An unrelated naming comment may still get readability.
    assert.equal(after.classify('Typo in the constant name: RPC_VAVLES should be RPC_VALVES.').category, 'readability');
  });

  it('ignores malformed corrections', () => {
    const bad = [{ body: 5, category: 'x', at }, { body: 'x', category: 'Not An Id', at }, null] as unknown as Correction[];
    const c = createClassifier(undefined, bad);
    assert.equal(c.classify('Please add a unit test for this branch.').category, 'testing');
  });
});
