import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compileFilter, describeFilter, EMPTY_FILTER, FeedbackFilterSchema, isEmptyFilter, matchesFilter, type FeedbackFilter } from '../../../src/core/browse/filter';
import { Taxonomy, DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import { fb, tag } from './fixtures';

const taxonomy = new Taxonomy(DEFAULT_CATEGORIES);
const F = (patch: Partial<FeedbackFilter>): FeedbackFilter => ({ ...EMPTY_FILTER, ...patch });

describe('browse/filter', () => {
  it('the empty filter is valid, empty, described as "" and matches everything', () => {
    assert.ok(FeedbackFilterSchema.safeParse(EMPTY_FILTER).success);
    assert.ok(isEmptyFilter(EMPTY_FILTER));
    assert.equal(describeFilter(EMPTY_FILTER, taxonomy), '');
    assert.ok(matchesFilter(fb(), EMPTY_FILTER, 'junior'));
    assert.ok(!isEmptyFilter(F({ text: 'x' })));
    assert.ok(isEmptyFilter(F({ text: '   ' })));
  });

  it('the schema rejects bad values the webview might send', () => {
    assert.ok(!FeedbackFilterSchema.safeParse({ ...EMPTY_FILTER, direction: 'both' }).success);
    assert.ok(!FeedbackFilterSchema.safeParse({ ...EMPTY_FILTER, from: '31/01/2026' }).success);
  });

  it('direction uses who wrote the comment and whose PR it is', () => {
    const received = fb({ author: 'junior', reviewer: 'senior' });
    const given = fb({ author: 'other', reviewer: 'Junior' });
    const self = fb({ author: 'junior', reviewer: 'junior' });
    const r = compileFilter(F({ direction: 'received' }), 'junior');
    const g = compileFilter(F({ direction: 'given' }), 'junior');
    assert.deepEqual([received, given, self].map(r), [true, false, false]);
    assert.deepEqual([received, given, self].map(g), [false, true, false]);
  });

  it('categories and group match counted tags only, as a union', () => {
    const testing = fb({ tags: [tag('testing')] });
    const praise = fb({ tags: [tag('praise', 'conventional-comment')] });
    const suggested = fb({ tags: [tag('testing', 'suggested')] });
    const p = compileFilter(F({ categories: ['praise'], group: 'technical' }), 'junior');
    assert.deepEqual([testing, praise, suggested].map(p), [true, true, false]);
    const custom = Taxonomy.fromSettings([{ id: 'ux', label: 'UX', group: 'technical' }]).taxonomy;
    assert.ok(matchesFilter(fb({ tags: [tag('ux')] }), F({ group: 'technical' }), 'junior', { taxonomy: custom }));
    assert.ok(!matchesFilter(fb({ tags: [tag('ux')] }), F({ group: 'technical' }), 'junior'));
  });

  it('reviewers and repos compare case-insensitively', () => {
    assert.ok(matchesFilter(fb({ reviewer: 'Senior', repo: 'Acme/API' }), F({ reviewers: ['senior'], repos: ['acme/api'] }), 'junior'));
    assert.ok(!matchesFilter(fb({ reviewer: 'someone' }), F({ reviewers: ['senior'] }), 'junior'));
  });

  it('from and to are whole inclusive days in the given zone', () => {
    const f = F({ from: '2026-03-10', to: '2026-03-10' });
    assert.ok(matchesFilter(fb({ createdAt: '2026-03-10T00:00:00Z' }), f, 'junior'));
    assert.ok(matchesFilter(fb({ createdAt: '2026-03-10T23:59:59.999Z' }), f, 'junior'));
    assert.ok(!matchesFilter(fb({ createdAt: '2026-03-11T00:00:00Z' }), f, 'junior'));
    assert.ok(!matchesFilter(fb({ createdAt: '2026-03-09T23:59:59Z' }), f, 'junior'));
    // 2026-03-11T02:00Z is still the 10th in New York (UTC-4 after DST on 8 March).
    const ny = { timeZone: 'America/New_York' };
    assert.ok(matchesFilter(fb({ createdAt: '2026-03-11T02:00:00Z' }), f, 'junior', ny));
    assert.ok(!matchesFilter(fb({ createdAt: '2026-03-10T03:00:00Z' }), f, 'junior', ny));
  });

  it('resolved applies to review threads only', () => {
    const open = fb({ isResolved: false });
    const done = fb({ isResolved: true });
    const convo = fb({ kind: 'conversation', isResolved: false });
    assert.deepEqual([open, done, convo].map(compileFilter(F({ resolved: 'unresolved' }), 'junior')), [true, false, false]);
    assert.deepEqual([open, done, convo].map(compileFilter(F({ resolved: 'resolved' }), 'junior')), [false, true, false]);
  });

  it('tag state: suggestions do not make an item tagged', () => {
    const tagged = fb({ tags: [tag('design')] });
    const suggested = fb({ tags: [tag('design', 'suggested')] });
    const none = fb();
    const run = (s: FeedbackFilter['tagState']) => [tagged, suggested, none].map(compileFilter(F({ tagState: s }), 'junior'));
    assert.deepEqual(run('tagged'), [true, false, false]);
    assert.deepEqual(run('untagged'), [false, true, true]);
    assert.deepEqual(run('suggested'), [false, true, false]);
    assert.deepEqual(run('not-sure'), [false, false, true]);
  });

  it('reviewer filter on given feedback names the pull request author (the engineer is never their own reviewer)', () => {
    const mine = fb({ author: 'sam', reviewer: 'junior' });
    const other = fb({ author: 'kim', reviewer: 'junior' });
    const g = compileFilter(F({ direction: 'given', reviewers: ['SAM'] }), 'junior');
    assert.deepEqual([mine, other].map(g), [true, false]);
    assert.equal(describeFilter(F({ direction: 'given', reviewers: ['sam'] }), taxonomy), 'given · to sam');
  });

  it('text needs every word, anywhere in body, path, reviewer, repo or title', () => {
    const f = fb({ body: 'Flaky **timeout** here', path: 'src/net/retry.ts', reviewer: 'Alice', prTitle: 'Backoff' });
    assert.ok(matchesFilter(f, F({ text: 'TIMEOUT alice retry.ts backoff' }), 'junior'));
    assert.ok(!matchesFilter(f, F({ text: 'timeout bob' }), 'junior'));
  });

  it('describes the filter briefly', () => {
    const text = describeFilter(F({ direction: 'received', categories: ['testing', 'security', 'design'], resolved: 'unresolved', from: '2026-01-01', text: 'flaky' }), taxonomy);
    assert.equal(text, 'received · Testing, Security +1 · since 2026-01-01 · unresolved · “flaky”');
  });

  it('matchesFilter agrees with compileFilter for any filter (property)', () => {
    const items = [fb({ tags: [tag('testing')] }), fb({ reviewer: 'junior', author: 'x' }), fb({ isResolved: true, tags: [tag('praise', 'suggested')] })];
    fc.assert(
      fc.property(
        fc.record({
          direction: fc.constantFrom('received', 'given', 'all'),
          categories: fc.subarray(['testing', 'praise', 'design']),
          resolved: fc.constantFrom('any', 'resolved', 'unresolved'),
          tagState: fc.constantFrom('any', 'tagged', 'untagged', 'suggested'),
          text: fc.constantFrom('', 'test', 'nothing-like-this'),
        }),
        (patch) => {
          const filter = F(patch as Partial<FeedbackFilter>);
          const p = compileFilter(filter, 'junior');
          for (const i of items) assert.equal(matchesFilter(i, filter, 'junior'), p(i));
          if (isEmptyFilter(filter)) assert.ok(items.every(p));
        },
      ),
    );
  });
});

describe('browse/filter cache', () => {
  it('matchesFilter does not reuse a predicate compiled with other options', () => {
    const filter: FeedbackFilter = { ...EMPTY_FILTER, categories: ['testing'] };
    const onlySuggested = fb({ tags: [tag('testing', 'suggested')] });
    assert.equal(matchesFilter(onlySuggested, filter, 'junior'), false);
    assert.equal(matchesFilter(onlySuggested, filter, 'junior', { includeSuggested: true }), true);
    assert.equal(matchesFilter(onlySuggested, filter, 'junior'), false);
  });
});
