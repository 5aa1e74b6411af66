import { strict as assert } from 'node:assert';
import { conventionalTags, parseConventional } from '../../../src/core/conventional';

describe('parseConventional', () => {
  it('parses label, decorations and subject', () => {
    assert.deepEqual(parseConventional('issue (blocking, security): token is logged\n\nmore text'), {
      label: 'issue',
      decorations: ['blocking', 'security'],
      subject: 'token is logged',
      blocking: true,
    });
  });

  it('uses the first non-empty line and is case-insensitive', () => {
    const p = parseConventional('\r\n  \r\nSuggestion (Non-Blocking): rename this\r\nbecause');
    assert.equal(p?.label, 'suggestion');
    assert.deepEqual(p?.decorations, ['non-blocking']);
    assert.equal(p?.blocking, false);
    assert.equal(p?.subject, 'rename this');
  });

  it('accepts bold forms and the nit alias', () => {
    assert.equal(parseConventional('**praise**: lovely')?.label, 'praise');
    assert.equal(parseConventional('**nitpick (if-minor):** spacing')?.label, 'nitpick');
    assert.deepEqual(parseConventional('**nitpick (if-minor):** spacing')?.decorations, ['if-minor']);
    assert.equal(parseConventional('__todo__: add test')?.label, 'todo');
    assert.equal(parseConventional('nit: spacing')?.label, 'nitpick');
    assert.equal(parseConventional('praise:')?.subject, '');
  });

  it('leaves blocking unset without a blocking decoration', () => {
    assert.equal('blocking' in parseConventional('question: why?')!, false);
  });

  it('does not match prose, URLs, code, quotes or unknown labels', () => {
    for (const body of [
      'Note that this changes the default.',
      'note://internal/thing',
      'https://example.com/praise: nope',
      '```ts\nissue: string = "x"\n```',
      '`todo: x`',
      '> praise: quoted from someone else',
      'Fix: the loop',
      'issue:no-space',
      '**praise: unbalanced bold',
      '',
      '   \n  ',
    ]) {
      assert.equal(parseConventional(body), undefined, body);
    }
  });

  it('does not throw on hostile input', () => {
    assert.equal(parseConventional(undefined as unknown as string), undefined);
    assert.equal(parseConventional('issue (' + 'x'.repeat(100_000) + '): y'), undefined);
  });
});

describe('conventionalTags', () => {
  const tags = (body: string) => conventionalTags(parseConventional(body)!);
  it('maps labels and topic decorations to categories', () => {
    assert.deepEqual(tags('praise: nice'), ['praise']);
    assert.deepEqual(tags('issue (security): x'), ['security']);
    assert.deepEqual(tags('suggestion (performance, tests): x'), ['performance', 'testing']);
    assert.deepEqual(tags('typo: recieve'), ['readability']);
    assert.deepEqual(tags('nitpick: x'), ['readability']);
    assert.deepEqual(tags('polish (docs): x'), ['documentation']);
    assert.deepEqual(tags('quibble (non-blocking): x'), ['readability']);
    assert.deepEqual(tags('chore (a11y): x'), ['correctness']);
    assert.deepEqual(tags('praise (testing): x'), ['praise', 'testing']);
  });

  it('leaves category-free labels to the classifier', () => {
    assert.deepEqual(tags('issue: x'), []);
    assert.deepEqual(tags('question (blocking): x'), []);
    assert.deepEqual(tags('thought (whatever): x'), []);
  });
});
