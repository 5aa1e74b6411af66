// Property checks on random journals: every axis of every mix adds up, and
// every prompt rests on at least the minimum number of comments, all of them
// in the report and, for a prompt about one person, all to that person.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { collectGiven, mirrorReport, shares, type Mix, type Split } from '../../../src/core/mirror';
import type { ConventionalLabel, Feedback, Journal, Tag } from '../../../src/core/model';
import { CONVENTIONAL_LABELS } from '../../../src/core/conventional';
import { FROM, options, REVIEWER, TO } from './fixture';

const PEOPLE = [REVIEWER, 'sam-lee', 'dana', 'eli', 'Sam-Lee'];
const CATEGORIES = ['testing', 'readability', 'praise', 'tone', 'mentoring', 'security', 'made-up'];
const BODIES = ['Please add a test.', 'Why not reuse the cache?', 'Looks good now, thanks!', 'Rename `x`.', 'Nice work!', '`a ? b : c` is fine.', ''];
const DAY = 86_400_000;

const tagArb: fc.Arbitrary<Tag> = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  source: fc.constantFrom('manual', 'marker', 'conventional-comment', 'suggested'),
  at: fc.constant('2026-03-01T00:00:00Z'),
  by: fc.constant('x'),
}) as fc.Arbitrary<Tag>;

const labelArb: fc.Arbitrary<ConventionalLabel | undefined> = fc.option(
  fc.record({
    label: fc.constantFrom(...CONVENTIONAL_LABELS),
    decorations: fc.subarray(['blocking', 'non-blocking', 'security', 'readability']),
  }).map((l) => ({ ...l, ...(l.decorations.includes('blocking') ? { blocking: true } : l.decorations.includes('non-blocking') ? { blocking: false } : {}) })),
  { nil: undefined },
);

const itemArb: fc.Arbitrary<Feedback> = fc
  .record({
    id: fc.integer({ min: 1, max: 60 }).map((n) => `c${n}`),
    kind: fc.constantFrom('review-comment', 'review-summary', 'conversation'),
    author: fc.constantFrom(...PEOPLE),
    reviewer: fc.constantFrom(...PEOPLE, REVIEWER, REVIEWER),
    body: fc.constantFrom(...BODIES),
    t: fc.integer({ min: FROM - 20 * DAY, max: TO + 5 * DAY }),
    isResolved: fc.boolean(),
    isOutdated: fc.option(fc.boolean(), { nil: undefined }),
    tags: fc.array(tagArb, { maxLength: 3 }),
    conventional: labelArb,
  })
  .map(({ t, conventional, isOutdated, ...r }) => {
    const at = new Date(t).toISOString();
    const f: Feedback = { ...r, prUrl: 'https://github.com/a/b/pull/1', repo: 'a/b', prNumber: 1, url: `https://github.com/a/b/pull/1#${r.id}`, createdAt: at, updatedAt: at } as Feedback;
    if (conventional) f.conventional = conventional;
    if (isOutdated !== undefined) f.isOutdated = isOutdated;
    return f;
  });

const journalArb = (login: string): fc.Arbitrary<Journal> =>
  fc.record({ items: fc.array(itemArb, { maxLength: 40 }), synced: fc.integer({ min: 1, max: 9 }) }).map(({ items, synced }) => ({
    schemaVersion: 2,
    engineer: { login, host: 'github.com' },
    syncedUntil: `2026-04-0${synced}T00:00:00Z`,
    feedback: Object.fromEntries(items.map((f) => [f.id, f])),
    entries: [],
  }));

const journalsArb = fc.tuple(journalArb(REVIEWER), journalArb('sam-lee'), journalArb('dana'));

function splits(m: Mix): [string, Split<string>][] {
  return [['group', m.group], ['likelyGroup', m.likelyGroup], ['tone', m.tone], ['likelyTone', m.likelyTone], ['blocking', m.blocking], ['form', m.form], ['thread', m.thread], ['labels', m.labels]];
}

function assertAddsUp(m: Mix, where: string): void {
  for (const [name, s] of splits(m)) {
    const counts = Object.values(s.counts);
    assert.equal(counts.reduce((a, b) => a + b, 0), s.total, `${where} ${name}: counts add up to the total`);
    assert.ok(counts.every((n) => Number.isInteger(n) && n >= 0));
    const sum = Object.values(shares(s)).reduce((a, b) => a + b, 0);
    assert.ok(s.total === 0 ? sum === 0 : Math.abs(sum - 1) < 1e-9, `${where} ${name}: shares add up to 1 (${sum})`);
  }
  for (const name of ['group', 'tone', 'blocking', 'form', 'labels'] as const) assert.equal(m[name].total, m.total, `${where} ${name} covers every comment`);
  assert.equal(m.likelyGroup.total, m.group.counts.untagged, `${where}: likely groups split only the untagged`);
  assert.equal(m.likelyTone.total, m.tone.counts.unknown, `${where}: likely kinds split only the unknown`);
  assert.ok(m.thread.total <= m.total);
}

describe('My reviews: properties on random journals', () => {
  it('every share adds up, overall and per person', () => {
    fc.assert(
      fc.property(journalsArb, (js) => {
        const r = mirrorReport(collectGiven(REVIEWER, js).items, options());
        assertAddsUp(r.overall, 'overall');
        for (const p of r.people) assertAddsUp(p.mix, p.login);
        assert.equal(r.people.reduce((n, p) => n + p.mix.total, 0), r.overall.total, 'people partition the comments');
        assert.equal(r.ids.length, r.overall.total);
      }),
      { numRuns: 300 },
    );
  });

  it('every prompt rests on at least the minimum number of comments and links to them', () => {
    fc.assert(
      fc.property(journalsArb, fc.integer({ min: 1, max: 8 }), (js, min) => {
        const items = collectGiven(REVIEWER, js).items;
        const r = mirrorReport(items, options({ minEvidence: min }));
        const inReport = new Set(r.ids);
        const byId = new Map(items.map((f) => [f.id, f]));
        for (const p of r.prompts) {
          assert.ok(p.ids.length >= min, `${p.rule} rests on ${p.ids.length} < ${min} comments`);
          assert.equal(new Set(p.ids).size, p.ids.length, `${p.rule}: no comment twice`);
          for (const id of p.ids) assert.ok(inReport.has(id), `${p.rule} links to ${id}, which is not in the report`);
          if (p.person) for (const id of p.ids) assert.equal(byId.get(id)!.author.toLowerCase(), p.person.toLowerCase(), `${p.rule} about ${p.person} links to a comment to someone else`);
          assert.ok(p.text.length > 0 && !/\bscore\b/i.test(p.text));
        }
        for (const person of r.people) for (const d of person.differences) assert.ok(Math.abs(d.person - d.others) >= 0.25);
      }),
      { numRuns: 300 },
    );
  });

  it('collecting keeps one copy of each comment the reviewer gave, whatever the journal order', () => {
    fc.assert(
      fc.property(journalsArb, (js) => {
        const g = collectGiven(REVIEWER, js);
        const ids = g.items.map((f) => f.id);
        assert.equal(new Set(ids).size, ids.length);
        const givenIn = (j: Journal) => Object.values(j.feedback).filter((f) => f.reviewer.toLowerCase() === REVIEWER && f.author.toLowerCase() !== REVIEWER).map((f) => f.id);
        assert.deepEqual(new Set(ids), new Set(js.flatMap(givenIn)));
        const own = new Set(givenIn(js[0]));
        assert.equal(g.onlyInOthers, ids.filter((id) => !own.has(id)).length);
        assert.deepEqual(collectGiven(REVIEWER, [js[2], js[0], js[1]]), g);
      }),
      { numRuns: 200 },
    );
  });
});
