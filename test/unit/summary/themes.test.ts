// Topics: key phrases (RAKE candidates) scored by TF-IDF against the
// engineer's whole history, with the `stopword` package's English list.
import { strict as assert } from 'node:assert';
import { candidatePhrases, isStopWord, recurringTopics } from '../../../src/core/summary/themes';

describe('summary/themes', () => {
  it('candidates are runs of words between stop words and punctuation, with code, links and markers out', () => {
    const c = candidatePhrases('Please add a test for the retry loop. See `fn(x)` and https://x.test/a <!-- review-mentor: technical/testing -->');
    assert.ok(c.has('retry loop'), [...c].join(' | '));
    assert.ok(c.has('test'));
    assert.ok(![...c].some((p) => /please|the|fn|https|review-mentor/.test(p)), [...c].join(' | '));
  });

  it('the filler of the issue never becomes a topic ("stand", "next", "much", "none", "easy", "inline")', () => {
    const filler = [
      'What does 50 stand for here? Next time keep it inline.',
      'Much easier now, none of this is blocking.',
      'Easy fix: stand back and inline it next time, much better.',
      'None of the inline comments are much trouble, next PR maybe.',
    ];
    assert.deepEqual(recurringTopics(filler), []);
    for (const w of ['about', 'would', 'stand', 'next', 'much', 'none', 'easy', 'inline', 'nit', 'lgtm']) assert.ok(isStopWord(w), w);
  });

  it('TF-IDF against the history: what is special about the period beats what every comment says', () => {
    const history = [
      ...Array.from({ length: 40 }, (_, i) => `The variable name ${i} could be better; rename the variable.`),
      'The cache never evicts entries.',
      'Consider a parameterised query here.',
    ];
    const period = [
      'This builds SQL by hand; use a parameterised query.',
      'Again a parameterised query would stop the injection.',
      'Rename the variable please.',
      'The variable is unclear, rename it.',
      'Rename this variable too.',
    ];
    const topics = recurringTopics(period, [...history, ...period]);
    assert.equal(topics[0]!.term, 'parameterised query', JSON.stringify(topics));
    assert.equal(topics[0]!.count, 2);
  });

  it('counts a phrase once per comment, folds plurals, and names one idea once', () => {
    const topics = recurringTopics(['Flaky tests, flaky tests, flaky tests everywhere.', 'One flaky test again.', 'Another flaky test.']);
    assert.deepEqual(topics, [{ term: 'flaky test', count: 3 }]);
  });

  it('a topic must recur: one comment is not a theme', () => {
    assert.deepEqual(recurringTopics(['The migration locks the orders table for minutes.', 'Good job.']), []);
  });
});
