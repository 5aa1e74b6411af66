import { strict as assert } from 'node:assert';
import { confirmedCategories, countTagStates, likelyTag, stateComments, stateCounts, tagStateOf, confirmedShare } from '../../../src/core/vocabulary';
import { fb, tag } from '../browse/fixtures';

describe('core/vocabulary', () => {
  const confirmed = fb({ tags: [tag('testing'), tag('testing', 'marker'), tag('praise', 'conventional-comment')] });
  const likely = fb({ tags: [tag('security', 'suggested')] });
  const notSure = fb({ tags: [] });

  it('one state per item: any confirmed source beats a suggestion; no tag and no suggestion is "not sure"', () => {
    assert.deepEqual([confirmed, likely, notSure].map(tagStateOf), ['confirmed', 'likely', 'not-sure']);
    assert.equal(tagStateOf(fb({ tags: [tag('design', 'marker'), tag('testing', 'suggested')] })), 'confirmed');
    assert.deepEqual(confirmedCategories(confirmed), ['testing', 'praise']);
    assert.equal(likelyTag(likely)?.category, 'security');
    assert.equal(likelyTag(fb({ tags: [tag('design'), tag('testing', 'suggested')] })), undefined, 'a suggestion beside a confirmed tag is not "likely"');
  });

  it('counts: untagged is likely plus not sure, and every item is in exactly one state', () => {
    const c = countTagStates([confirmed, likely, likely, notSure]);
    assert.deepEqual(c, { total: 4, confirmed: 1, likely: 2, notSure: 1, untagged: 3 });
    assert.equal(c.confirmed + c.likely + c.notSure, c.total);
    assert.equal(confirmedShare(c), 25);
  });

  it('words: short counts leave out zeros; phrases agree in number', () => {
    assert.equal(stateCounts({ confirmed: 5, likely: 12, notSure: 0 }), '5 confirmed · 12 likely');
    assert.equal(stateCounts({ confirmed: 0, likely: 0, notSure: 0 }), '0');
    assert.equal(stateComments(1, 'confirmed'), '1 confirmed comment');
    assert.equal(stateComments(8, 'likely'), '8 likely comments');
    assert.equal(stateComments(3, 'not-sure'), '3 not sure');
    assert.equal(stateComments(2, 'untagged'), '2 untagged comments');
  });
});
