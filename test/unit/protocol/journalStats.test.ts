import assert from 'node:assert/strict';
import {
  bucketize,
  bucketStart,
  excerpt,
  periodCounts,
  periodRange,
  praiseReceived,
  topThemes,
  trend,
  UNTAGGED,
} from '../../../src/core/journalStats';
import { DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import { feedback, LOGIN, tag } from '../../webview/harness/fixtures';

const NOW = new Date('2026-11-20T12:00:00.000Z'); // a Friday
const at = (iso: string) => ({ createdAt: iso, updatedAt: iso });

describe('journalStats: periods', () => {
  it('gives whole days up to and including today, and a previous period of the same length', () => {
    const r = periodRange('30d', NOW);
    assert.equal(r.start?.toISOString(), '2026-10-22T00:00:00.000Z');
    assert.equal(r.end.toISOString(), '2026-11-21T00:00:00.000Z');
    assert.equal(r.previous?.start.toISOString(), '2026-09-22T00:00:00.000Z');
    assert.equal(r.previous?.end.toISOString(), r.start?.toISOString());
    assert.equal(periodRange('2w', NOW).start?.toISOString(), '2026-11-07T00:00:00.000Z');
    assert.equal(periodRange('90d', NOW).start?.toISOString(), '2026-08-23T00:00:00.000Z');
  });

  it('days are days in the host time zone (sent with the snapshot); an unknown zone is UTC', () => {
    const r = periodRange('30d', NOW, 'America/New_York');
    assert.equal(r.start?.toISOString(), '2026-10-22T04:00:00.000Z', 'midnight in New York (EDT)');
    assert.equal(r.end.toISOString(), '2026-11-21T05:00:00.000Z', 'midnight in New York (EST)');
    assert.deepEqual(periodRange('30d', NOW, 'Not/AZone'), periodRange('30d', NOW));
  });

  it('starts this quarter on the first day of the quarter; the previous period has as many days', () => {
    const r = periodRange('quarter', NOW);
    assert.equal(r.start?.toISOString(), '2026-10-01T00:00:00.000Z');
    const days = (r.end.getTime() - r.start!.getTime()) / 86_400_000;
    assert.equal((r.start!.getTime() - r.previous!.start.getTime()) / 86_400_000, days);
  });

  it('has no previous period for all time', () => {
    const r = periodRange('all', NOW);
    assert.equal(r.start, null);
    assert.equal(r.previous, null);
  });
});

describe('journalStats: counts and trends', () => {
  const items = [
    feedback({ ...at('2026-11-15T00:00:00Z'), tags: [tag('testing'), tag('praise')] }),
    feedback({ ...at('2026-11-01T00:00:00Z'), tags: [tag('testing'), tag('design')] }),
    feedback({ ...at('2026-11-02T00:00:00Z'), tags: [tag('security', 'suggested', 0.9)] }), // suggestion: not counted
    feedback({ ...at('2026-10-01T00:00:00Z'), tags: [tag('testing')] }), // previous period
    feedback({ ...at('2026-11-03T00:00:00Z'), tags: [tag('testing')], author: 'bob', reviewer: LOGIN }), // given, not received
    feedback({ ...at('2026-11-21T00:00:00Z'), tags: [tag('testing')] }), // in the future: outside
    feedback({ ...at('not a date'), tags: [tag('testing')] }),
  ];

  it('counts received feedback by group and category, suggestions excluded', () => {
    const c = periodCounts(items, LOGIN, DEFAULT_CATEGORIES, periodRange('30d', NOW));
    assert.equal(c.total.current, 3);
    assert.equal(c.total.previous, 1);
    assert.equal(c.untagged.current, 1);
    assert.equal(c.byGroup.technical.current, 2); // two items; testing+design counts once for the group
    assert.equal(c.byGroup.interpersonal.current, 1);
    const testing = c.byCategory.find((x) => x.id === 'testing')!;
    assert.deepEqual([testing.current, testing.previous, testing.delta, testing.direction], [2, 1, 1, 'up']);
    assert.equal(c.byCategory.find((x) => x.id === 'security')!.current, 0);
    assert.equal(c.byCategory[0]!.id, 'testing', 'most frequent first');
  });

  it('keeps unknown category ids', () => {
    const c = periodCounts([feedback({ ...at('2026-11-15T00:00:00Z'), tags: [tag('a11y')] })], LOGIN, DEFAULT_CATEGORIES, periodRange('30d', NOW));
    assert.equal(c.byCategory.find((x) => x.id === 'a11y')?.current, 1);
  });

  it('describes trends', () => {
    assert.deepEqual(trend(3, 5), { current: 3, previous: 5, delta: -2, direction: 'down' });
    assert.equal(trend(2, 2).direction, 'same');
    assert.equal(trend(2, null).direction, 'none');
  });

  it('picks themes without praise, and praise quotes newest first', () => {
    const c = periodCounts(items, LOGIN, DEFAULT_CATEGORIES, periodRange('30d', NOW));
    assert.deepEqual(topThemes(c).map((t) => t.id), ['testing', 'design']);
    const conventional = feedback({ ...at('2026-11-18T00:00:00Z'), conventional: { label: 'praise', decorations: [] } });
    const p = praiseReceived([...items, conventional], LOGIN, periodRange('30d', NOW));
    assert.deepEqual(p.map((f) => f.id), [conventional.id, items[0]!.id]);
  });
});

describe('journalStats: buckets', () => {
  it('starts weeks on Monday UTC and months on the 1st', () => {
    assert.equal(bucketStart(new Date('2026-11-20T23:59:00Z'), 'week').toISOString(), '2026-11-16T00:00:00.000Z');
    assert.equal(bucketStart(new Date('2026-11-16T00:00:00Z'), 'week').toISOString(), '2026-11-16T00:00:00.000Z');
    assert.equal(bucketStart(new Date('2026-11-15T23:59:59Z'), 'week').toISOString(), '2026-11-09T00:00:00.000Z');
    assert.equal(bucketStart(new Date('2026-11-20T12:00:00Z'), 'month').toISOString(), '2026-11-01T00:00:00.000Z');
  });

  it('counts per week and category, with an untagged series', () => {
    const items = [
      feedback({ ...at('2026-11-16T08:00:00Z'), tags: [tag('testing')] }),
      feedback({ ...at('2026-11-17T08:00:00Z'), tags: [tag('testing')] }),
      feedback({ ...at('2026-11-10T08:00:00Z'), tags: [] }),
    ];
    const b = bucketize(items, LOGIN, periodRange('2w', NOW), 'week');
    assert.deepEqual(b.starts.map((s) => s.toISOString().slice(0, 10)), ['2026-11-02', '2026-11-09', '2026-11-16']);
    assert.deepEqual(b.series.get('testing'), [0, 0, 2]);
    assert.deepEqual(b.series.get(UNTAGGED), [0, 1, 0]);
  });

  it('spans the data for all time, monthly', () => {
    const items = [feedback({ ...at('2026-08-30T08:00:00Z'), tags: [tag('design')] })];
    const b = bucketize(items, LOGIN, periodRange('all', NOW), 'month');
    assert.deepEqual(b.starts.map((s) => s.toISOString().slice(0, 7)), ['2026-08', '2026-09', '2026-10', '2026-11']);
    assert.deepEqual(b.series.get('design'), [1, 0, 0, 0]);
    assert.equal(bucketize([], LOGIN, periodRange('all', NOW), 'month').starts.length, 1);
  });
});

describe('journalStats: excerpt', () => {
  it('turns Markdown and HTML into short plain text without markers', () => {
    const e = excerpt('**Nice** work on [the parser](https://x)! <!-- review-mentor: interpersonal/praise --> <img src=x onerror=alert(1)>');
    assert.equal(e, 'Nice work on the parser!');
    assert.equal(excerpt('a'.repeat(500), 10), `${'a'.repeat(9)}…`);
  });
});
