// The Feedback view lists an untagged item under its suggested category (marked
// and counted apart), while summaries and counts still ignore suggestions.
import { strict as assert } from 'node:assert';
import { groupFeedback, UNTAGGED_KEY } from '../../../src/core/browse/group';
import { compileFilter, EMPTY_FILTER } from '../../../src/core/browse/filter';
import { Taxonomy, DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import { fb, tag } from './fixtures';

const taxonomy = new Taxonomy(DEFAULT_CATEGORIES);

describe('browse with suggestions included', () => {
  const tagged = fb({ tags: [tag('testing')] });
  const suggested = fb({ tags: [tag('testing', 'suggested')] });
  const overruled = fb({ tags: [tag('design'), tag('testing', 'suggested')] });
  const bare = fb({ tags: [] });

  it('groups a suggested item under its category and counts it apart', () => {
    const groups = groupFeedback([tagged, suggested, overruled, bare], 'category', taxonomy, { includeSuggested: true });
    const testing = groups.find((g) => g.key === 'category:testing')!;
    assert.deepEqual(new Set(testing.items), new Set([tagged, suggested]));
    assert.equal(testing.count, 2);
    assert.equal(testing.suggested, 1);
    assert.deepEqual(groups.find((g) => g.key === 'category:design')!.items, [overruled], 'a real tag wins over a suggestion');
    const notSure = groups.find((g) => g.key === UNTAGGED_KEY)!;
    assert.deepEqual(notSure.items, [bare]);
    assert.equal(notSure.label, 'Not sure', 'with suggestions listed under their category, the rest are the ones the classifier is not sure about');
  });

  it('every group counts its items by tag state, in the vocabulary words', () => {
    const groups = groupFeedback([tagged, suggested, overruled, bare], 'category', taxonomy, { includeSuggested: true });
    const testing = groups.find((g) => g.key === 'category:testing')!;
    assert.deepEqual(testing.states, { total: 2, confirmed: 1, likely: 1, notSure: 0, untagged: 1 });
    const byRepo = groupFeedback([tagged, suggested, overruled, bare], 'repo', taxonomy, { includeSuggested: true });
    assert.deepEqual(byRepo[0]!.states, { total: 4, confirmed: 2, likely: 1, notSure: 1, untagged: 2 }, 'a reviewer or repo group does not call suggestions "tagged"');
  });

  it('given feedback grouped by person groups by the pull request author, never by the engineer', () => {
    const toSam = fb({ author: 'sam', reviewer: 'me' });
    const toKim = fb({ author: 'kim', reviewer: 'me' });
    const toSam2 = fb({ author: 'Sam', reviewer: 'me' });
    const groups = groupFeedback([toSam, toKim, toSam2], 'reviewer', taxonomy, { direction: 'given' });
    assert.deepEqual(groups.map((g) => [g.key, g.count]), [['reviewer:sam', 2], ['reviewer:kim', 1]]);
    assert.ok(groups.every((g) => g.label.toLowerCase() !== 'me'));
  });

  it('without the option a suggestion places nothing', () => {
    const groups = groupFeedback([suggested], 'category', taxonomy);
    assert.deepEqual(groups.map((g) => g.key), [UNTAGGED_KEY]);
  });

  it('a category filter matches suggested items only when asked to', () => {
    const filter = { ...EMPTY_FILTER, categories: ['testing'] };
    const items = [tagged, suggested, overruled, bare];
    assert.deepEqual(items.filter(compileFilter(filter, 'me')), [tagged]);
    assert.deepEqual(items.filter(compileFilter(filter, 'me', { includeSuggested: true })), [tagged, suggested]);
  });
});
