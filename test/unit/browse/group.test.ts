import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { groupFeedback, GROUP_BYS, UNTAGGED_KEY } from '../../../src/core/browse/group';
import { Taxonomy, DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import { fb, tag } from './fixtures';

const taxonomy = new Taxonomy(DEFAULT_CATEGORIES);

describe('browse/group', () => {
  it('category: taxonomy order, unknown ids, then Untagged; multi-category items under each', () => {
    const a = fb({ tags: [tag('praise'), tag('testing', 'marker')], createdAt: '2026-03-01T00:00:00Z' });
    const b = fb({ tags: [tag('testing'), tag('testing', 'marker')], createdAt: '2026-03-05T00:00:00Z' });
    const c = fb({ tags: [tag('from-the-future')] });
    const d = fb({ tags: [tag('security', 'suggested')] });
    const groups = groupFeedback([a, b, c, d], 'category', taxonomy);
    assert.deepEqual(
      groups.map((g) => [g.key, g.label, g.count]),
      [
        ['category:testing', 'Testing', 2],
        ['category:praise', 'Praise', 1],
        ['category:from-the-future', 'from-the-future (unknown)', 1],
        [UNTAGGED_KEY, 'Untagged', 1],
      ],
    );
    assert.deepEqual(groups[0]!.items, [b, a], 'newest first, and b listed once despite two testing tags');
    assert.deepEqual(groups[3]!.items, [d], 'a suggestion does not place an item in a category');
  });

  it('month: newest month first, months taken in the given zone', () => {
    const jan = fb({ createdAt: '2026-01-31T23:30:00Z' });
    const mar = fb({ createdAt: '2026-03-02T10:00:00Z' });
    assert.deepEqual(groupFeedback([jan, mar], 'month', taxonomy).map((g) => g.label), ['March 2026', 'January 2026']);
    // Half past midnight on 1 February in Berlin.
    assert.deepEqual(groupFeedback([jan], 'month', taxonomy, { timeZone: 'Europe/Berlin' }).map((g) => g.key), ['month:2026-02']);
  });

  it('pr, reviewer and repo: by count then label; reviewer case folded', () => {
    const items = [fb({ reviewer: 'bob' }), fb({ reviewer: 'Alice' }), fb({ reviewer: 'alice' }), fb({ reviewer: 'carol' })];
    assert.deepEqual(groupFeedback(items, 'reviewer', taxonomy).map((g) => [g.label, g.count]), [['Alice', 2], ['bob', 1], ['carol', 1]]);
    const prs = [fb({ prUrl: 'u/2', prNumber: 2, prTitle: 'Two' }), fb({ prUrl: 'u/2', prNumber: 2, prTitle: 'Two' }), fb({ prUrl: 'u/1', prNumber: 1, prTitle: undefined })];
    assert.deepEqual(groupFeedback(prs, 'pr', taxonomy).map((g) => g.label), ['acme/api#2 Two', 'acme/api#1']);
  });

  it('every item appears in some group, groups are sorted newest first, counts match (property)', () => {
    const cats = ['testing', 'praise', 'design', 'mystery'];
    const arb = fc.array(
      fc.record({
        cats: fc.subarray(cats),
        suggested: fc.boolean(),
        t: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 31) }),
        reviewer: fc.constantFrom('a', 'b', 'C'),
        pr: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom(...GROUP_BYS), (specs, by) => {
        const items = specs.map((s) =>
          fb({
            tags: [...s.cats.map((c) => tag(c)), ...(s.suggested ? [tag('security', 'suggested')] : [])],
            createdAt: new Date(s.t).toISOString(),
            reviewer: s.reviewer,
            prUrl: `u/${s.pr}`,
            prNumber: s.pr,
          }),
        );
        const groups = groupFeedback(items, by, taxonomy);
        const seen = new Set(groups.flatMap((g) => g.items));
        assert.equal(seen.size, items.length);
        for (const g of groups) {
          assert.equal(g.count, g.items.length);
          for (let i = 1; i < g.items.length; i++) assert.ok(g.items[i - 1]!.createdAt >= g.items[i]!.createdAt);
        }
        if (by === 'category') {
          const expected = items.reduce((n, i) => n + Math.max(1, new Set(i.tags.filter((t) => t.source !== 'suggested').map((t) => t.category)).size), 0);
          assert.equal(groups.reduce((n, g) => n + g.count, 0), expected);
        } else {
          assert.equal(groups.reduce((n, g) => n + g.count, 0), items.length);
        }
      }),
    );
  });
});
