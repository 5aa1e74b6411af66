import { strict as assert } from 'node:assert';
import { itemFlags, shortLabel, SHORT_LABEL_MAX } from '../../../src/core/browse/itemText';
import { feedbackDescription } from '../../../src/core/browse/labels';
import { Taxonomy, DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import { fb, tag } from './fixtures';

const taxonomy = new Taxonomy(DEFAULT_CATEGORIES);
const NOW = new Date('2026-03-13T12:00:00Z');

describe('browse/itemText', () => {
  it('the label is the first words, cut on a word boundary, never the whole comment', () => {
    const long = 'Please add a regression test for the timeout path, and while you are there check the retry budget too.';
    const label = shortLabel(long);
    assert.ok(label.length <= SHORT_LABEL_MAX, label);
    assert.equal(label, 'Please add a regression test…');
    assert.equal(shortLabel('LGTM'), 'LGTM');
    assert.equal(shortLabel('```suggestion\nx\n```'), 'Suggested change');
    assert.equal(shortLabel('<!-- review-mentor: technical/testing -->'), '(empty comment)');
  });

  it('the description shows reviewer · repository · date; given feedback says to whom', () => {
    const received = fb({ author: 'me', reviewer: 'sam', repo: 'acme/api', prNumber: 12, createdAt: '2026-03-10T12:00:00Z' });
    const given = fb({ author: 'kim', reviewer: 'me', repo: 'acme/web', prNumber: 3, createdAt: '2026-03-12T12:00:00Z' });
    assert.equal(feedbackDescription(received, NOW, [], 'me'), 'sam · acme/api#12 · 3 days ago');
    assert.equal(feedbackDescription(given, NOW, [], 'me'), 'to kim · acme/web#3 · yesterday');
  });

  it('flags use the vocabulary: a likely category ends in "?"', () => {
    const likely = fb({ author: 'me', reviewer: 'sam', tags: [tag('testing', 'suggested')] });
    assert.deepEqual(itemFlags(likely, taxonomy), ['likely: Testing?']);
    assert.deepEqual(itemFlags(fb({ tags: [tag('design'), tag('testing', 'suggested')] }), taxonomy), [], 'a confirmed item shows no likely flag');
  });

});
