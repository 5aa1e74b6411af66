// The tree, the journal and the summary count the same engineer and period
// the same way (issue 11, items 4 and 5): the same periods (one function), the
// same confirmed counts per category, the same likely / not sure / untagged.
// Before, the journal used "now minus 30 days" and the export whole days, and
// the tree's "Untagged" held only items without a suggestion.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compileFilter, EMPTY_FILTER } from '../../../src/core/browse/filter';
import { groupFeedback, UNTAGGED_KEY } from '../../../src/core/browse/group';
import { periodCounts, periodRange, PRESET_OF, type PeriodId } from '../../../src/core/journalStats';
import type { Feedback, Journal, Tag } from '../../../src/core/model';
import { presetDays, summarise } from '../../../src/core/summary';
import { DEFAULT_CATEGORIES, Taxonomy } from '../../../src/core/taxonomy';

const taxonomy = new Taxonomy(DEFAULT_CATEGORIES);
const LOGIN = 'priya';
const DAY = 86_400_000;
const NOW0 = Date.UTC(2026, 10, 20, 12);
const ZONES = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata'];
const PERIODS: Exclude<PeriodId, 'all'>[] = ['2w', '30d', '90d', 'quarter'];

const arbItem = fc.record({
  t: fc.integer({ min: NOW0 - 200 * DAY, max: NOW0 + DAY }),
  given: fc.boolean(),
  bot: fc.boolean(),
  tags: fc.array(fc.record({ category: fc.constantFrom('testing', 'praise', 'design', 'tone', 'mystery'), source: fc.constantFrom<Tag['source']>('manual', 'marker', 'conventional-comment', 'suggested') }), { maxLength: 3 }),
});

let seq = 0;
function toFeedback(s: { t: number; given: boolean; bot: boolean; tags: { category: string; source: Tag['source'] }[] }): Feedback {
  seq++;
  const iso = new Date(s.t).toISOString();
  // One suggestion at most, as the tagging code keeps it.
  const tags = s.tags.filter((x, i) => x.source !== 'suggested' || s.tags.findIndex((y) => y.source === 'suggested') === i);
  return {
    id: `c${seq}`, kind: 'review-comment', prUrl: `https://github.com/o/r/pull/${seq}`, repo: 'o/r', prNumber: seq,
    author: s.given ? 'kim' : LOGIN, reviewer: s.given ? LOGIN : s.bot ? 'renovate[bot]' : 'sam', body: 'text', url: `https://github.com/o/r/pull/${seq}#c`,
    createdAt: iso, updatedAt: iso, isResolved: false, tags: tags.map((x) => ({ ...x, at: iso, by: 'x' })),
  };
}

describe('tree, journal and summary agree', () => {
  it('on the period and previous period of every preset, in any zone (one function)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * DAY }), fc.constantFrom(...ZONES), fc.constantFrom(...PERIODS), (offset, zone, id) => {
        const now = new Date(NOW0 + offset);
        const journal = periodRange(id, now, zone);
        const days = presetDays(PRESET_OF[id], now.getTime(), zone);
        const s = summarise({ journals: [], fromDay: days.from, toDay: days.to, timeZone: zone, now, includeText: false, includeReviewerNames: true, excludeBots: true, taxonomy });
        assert.equal(journal.start?.toISOString(), s.period.from);
        assert.equal(journal.end.toISOString(), s.period.to);
        assert.equal(journal.previous?.start.toISOString(), s.previousPeriod.from);
        assert.equal(journal.previous?.end.toISOString(), s.previousPeriod.to);
      }),
      { numRuns: 300 },
    );
  });

  it('on confirmed counts per category, likely, not sure and untagged, for the same engineer and period (property)', () => {
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 80 }), fc.constantFrom(...ZONES), fc.constantFrom(...PERIODS), (specs, zone, id) => {
        const items = specs.map(toFeedback);
        const now = new Date(NOW0);
        const journalView: Journal = { schemaVersion: 2, engineer: { login: LOGIN, host: 'github.com' }, syncedUntil: null, feedback: Object.fromEntries(items.map((f) => [f.id, f])), entries: [] };

        // The journal panel's Overview.
        const counts = periodCounts(items, LOGIN, DEFAULT_CATEGORIES, periodRange(id, now, zone));
        // The export.
        const days = presetDays(PRESET_OF[id], now.getTime(), zone);
        const e = summarise({ journals: [journalView], fromDay: days.from, toDay: days.to, timeZone: zone, now, includeText: false, includeReviewerNames: true, excludeBots: true, taxonomy }).engineers[0]!;
        // The Feedback view: received, the same days as a date filter, grouped by category.
        // (Bots are not synced unless asked for; the tree shows what the journal holds.)
        const visible = items.filter((f) => !f.reviewer.endsWith('[bot]')).filter(compileFilter({ ...EMPTY_FILTER, direction: 'received', from: days.from, to: days.to }, LOGIN, { timeZone: zone, includeSuggested: true }));
        const groups = groupFeedback(visible, 'category', taxonomy, { includeSuggested: true, direction: 'received' });
        const tree = {
          total: visible.length,
          likely: groups.reduce((n, g) => n + g.states.likely, 0),
          notSure: groups.find((g) => g.key === UNTAGGED_KEY)?.count ?? 0,
        };

        assert.equal(counts.total.current, e.received.total.current);
        assert.equal(tree.total, e.received.total.current);
        assert.equal(counts.confirmed.current, e.received.confirmed.current);
        for (const [name, journal, summary, fromTree] of [
          ['likely', counts.likely.current, e.received.shares.likely, tree.likely],
          ['not sure', counts.notSure.current, e.received.shares.notSure, tree.notSure],
          ['untagged', counts.untagged.current, e.received.untagged.current, tree.likely + tree.notSure],
        ] as const) {
          assert.equal(journal, summary, `${name}: journal vs summary`);
          assert.equal(fromTree, summary, `${name}: tree vs summary`);
        }
        assert.equal(counts.total.previous, e.received.total.previous, 'previous period: journal vs summary');
        for (const c of e.received.byCategory) {
          assert.equal(counts.byCategory.find((x) => x.id === c.id)?.current ?? 0, c.current, `${c.id}: journal vs summary`);
          assert.equal(groups.find((g) => g.key === `category:${c.id}`)?.states.confirmed ?? 0, c.current, `${c.id}: tree vs summary`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
