// Summary counts against expectations computed from the raw specs alone: not
// through isReceivedBy, liveFeedback, effectiveTags or anything else the
// summary code uses. The journals hold "deleted on GitHub" stubs (linked from
// a goal, as the store keeps them), items edited on GitHub after they were
// written, feedback given and received, bots and suggestions.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { buildSummary, toCsv, toMarkdown } from '../../../src/core/summary';
import type { Feedback, Journal } from '../../../src/core/model';
import { Taxonomy, DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';

const taxonomy = new Taxonomy(DEFAULT_CATEGORIES);
const HOUR = 3_600_000;
// The period asked for is February 2026 (UTC): [Feb 1, Mar 1); the previous one is as long: [Jan 4, Feb 1).
const CUR = [Date.UTC(2026, 1, 1), Date.UTC(2026, 2, 1)] as const;
const PREV = [Date.UTC(2026, 0, 4), CUR[0]] as const;
const FIRST = Date.UTC(2026, 0, 1);
const CATEGORIES = ['testing', 'design', 'praise'] as const;

/** One raw item, as a person would describe it. */
interface Spec {
  /** received: someone reviewed dana; given: dana reviewed someone; other: neither (in sam's journal only). */
  who: 'received' | 'given' | 'other';
  /** Hours after Jan 1 when it was written. */
  hour: number;
  bot: boolean;
  deleted: boolean;
  edited: boolean;
  tags: { category: (typeof CATEGORIES)[number]; confirmed: boolean }[];
  /** given only: the copy is in sam's journal, not dana's (dana has not synced it). */
  elsewhere: boolean;
}

const arbSpec: fc.Arbitrary<Spec> = fc.record({
  who: fc.constantFrom('received', 'received', 'given', 'other'),
  hour: fc.integer({ min: 0, max: 68 * 24 }),
  bot: fc.boolean(),
  deleted: fc.boolean(),
  edited: fc.boolean(),
  tags: fc.uniqueArray(fc.record({ category: fc.constantFrom(...CATEGORIES), confirmed: fc.boolean() }), { maxLength: 2, selector: (t) => t.category }),
  elsewhere: fc.boolean(),
});

const bodyOf = (i: number, s: Spec) => (s.edited ? `edited on GitHub: item ${i} now says something else` : `item ${i} as first written`);

/** Journals written out by hand from the specs: dana's, and sam's (the person dana reviews). */
function journals(specs: Spec[]): { dana: Journal; sam: Journal } {
  const dana: Journal = { schemaVersion: 2, engineer: { login: 'dana', host: 'github.com' }, syncedUntil: '2026-03-10T00:00:00Z', feedback: {}, entries: [] };
  const sam: Journal = { schemaVersion: 2, engineer: { login: 'sam', host: 'github.com' }, syncedUntil: '2026-03-09T00:00:00Z', feedback: {}, entries: [] };
  const stubs: Record<'dana' | 'sam', string[]> = { dana: [], sam: [] };
  specs.forEach((s, i) => {
    const id = `c${i}`;
    const created = new Date(FIRST + s.hour * HOUR).toISOString();
    const [author, reviewer] = s.who === 'received' ? ['dana', s.bot ? 'lint[bot]' : 'erin'] : s.who === 'given' ? ['sam', 'dana'] : ['sam', s.bot ? 'lint[bot]' : 'erin'];
    const f: Feedback = {
      id,
      kind: 'review-comment',
      prUrl: `https://github.com/acme/api/pull/${i}`,
      repo: 'acme/api',
      prNumber: i,
      author,
      reviewer,
      ...(reviewer.endsWith('[bot]') ? { reviewerIsBot: true } : {}),
      body: bodyOf(i, s),
      url: `https://github.com/acme/api/pull/${i}#discussion_r${i}`,
      createdAt: created,
      // An edit moves updatedAt (into the next period, even), never createdAt.
      updatedAt: s.edited ? new Date(FIRST + (s.hour + 30 * 24) * HOUR).toISOString() : created,
      isResolved: false,
      tags: s.tags.map((t) => ({ category: t.category, source: t.confirmed ? 'manual' : 'suggested', at: created, by: 'x', ...(t.confirmed ? {} : { confidence: 0.7 }) })),
      ...(s.deleted ? { deletedOnGitHubAt: '2026-03-05T00:00:00Z' } : {}),
    };
    const owner = s.who === 'received' || (s.who === 'given' && !s.elsewhere) ? 'dana' : 'sam';
    (owner === 'dana' ? dana : sam).feedback[id] = f;
    // Given comments are in sam's journal too (sam received them), as the same GitHub item.
    if (s.who === 'given' && !s.elsewhere) sam.feedback[id] = { ...f };
    if (s.deleted) {
      stubs[owner].push(id);
      if (s.who === 'given' && !s.elsewhere) stubs.sam.push(id);
    }
  });
  const goal = (links: string[]) => ({ id: 'g', kind: 'goal' as const, text: 'Keep the tests close to the fix', status: 'open' as const, links, createdAt: '2026-01-02T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z' });
  // The store keeps a stub only while an entry links it.
  dana.entries.push(goal(stubs.dana));
  sam.entries.push(goal(stubs.sam));
  return { dana, sam };
}

/** What the summary must say, from the specs. */
function expected(specs: Spec[]) {
  const at = (s: Spec) => FIRST + s.hour * HOUR;
  const inside = (s: Spec, [a, b]: readonly [number, number]) => at(s) >= a && at(s) < b;
  const counts = (s: Spec) => !s.deleted && !s.bot;
  const received = (p: readonly [number, number]) => specs.filter((s) => s.who === 'received' && counts(s) && inside(s, p));
  const given = (p: readonly [number, number]) => specs.filter((s) => s.who === 'given' && !s.deleted && inside(s, p));
  const ownGiven = (p: readonly [number, number]) => given(p).filter((s) => !s.elsewhere);
  const cur = received(CUR);
  const byCategory: Record<string, number> = {};
  for (const c of CATEGORIES) byCategory[c] = cur.filter((s) => s.tags.some((t) => t.category === c && t.confirmed)).length;
  const rows = specs.map((s, i) => ({ s, i })).filter(({ s }) => (s.who === 'received' && counts(s)) || (s.who === 'given' && !s.deleted && !s.elsewhere)).filter(({ s }) => inside(s, CUR));
  return {
    received: cur.length,
    receivedPrevious: received(PREV).length,
    untagged: cur.filter((s) => !s.tags.some((t) => t.confirmed)).length,
    byCategory,
    given: ownGiven(CUR).length,
    givenPrevious: ownGiven(PREV).length,
    givenEverywhere: given(CUR).length,
    rows: rows.map(({ s, i }) => ({ id: `c${i}`, body: bodyOf(i, s) })).sort((a, b) => a.id.localeCompare(b.id)),
    stubLinks: specs.flatMap((s, i) => (s.deleted && (s.who === 'received' || (s.who === 'given' && !s.elsewhere)) ? [`c${i}`] : [])).sort(),
  };
}

function summarise(specs: Spec[]) {
  const { dana, sam } = journals(specs);
  return buildSummary({
    journals: [dana],
    givenSources: [sam],
    includeGiven: true,
    from: '2026-02-01',
    to: '2026-03-01',
    now: new Date('2026-03-10T09:00:00Z'),
    timeZone: 'UTC',
    includeText: true,
    includeReviewerNames: true,
    excludeBots: true,
    taxonomy,
  });
}

function check(specs: Spec[]): void {
  const want = expected(specs);
  const s = summarise(specs);
  const e = s.engineers[0]!;
  assert.equal(e.received.total.current, want.received, 'received');
  assert.equal(e.received.total.previous, want.receivedPrevious, 'received, previous period');
  assert.equal(e.received.untagged.current, want.untagged, 'untagged');
  for (const c of CATEGORIES) assert.equal(e.received.byCategory.find((x) => x.id === c)?.current ?? 0, want.byCategory[c], c);
  assert.equal(e.given.total.current, want.given, 'given');
  assert.equal(e.given.total.previous, want.givenPrevious, 'given, previous period');
  assert.equal(e.feedbackGiven?.total ?? 0, want.givenEverywhere, 'feedback given, including the copies in sam’s journal');
  const rows = e.items.map((r) => ({ id: /#discussion_r(\d+)$/.exec(r.url)![1], body: r.body })).map((r) => ({ id: `c${r.id}`, body: r.body })).sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(rows, want.rows, 'one row per live item in the period, with its text as edited');
  // The exports say the same: one CSV record per row, the Markdown total.
  assert.equal(toCsv(s).split('\r\n').filter((l) => /^dana,/.test(l)).length, want.rows.filter((r) => !/\n/.test(r.body)).length);
  if (want.received > 0) assert.match(toMarkdown(s), new RegExp(`## Feedback received[\\s\\S]*?\\| Total \\| ${want.received} \\|`));
  // Stubs appear only as links of the goal, marked.
  const links = e.goals.flatMap((g) => g.links);
  assert.deepEqual(links.map((l) => l.id).sort(), want.stubLinks);
  for (const l of links) assert.match(l.text ?? '', /^\(deleted on GitHub\) /, l.id);
}

const spec = (over: Partial<Spec>): Spec => ({ who: 'received', hour: 24 * 40, bot: false, deleted: false, edited: false, tags: [], elsewhere: false, ...over });

describe('summary: counts computed from the raw items (independent of the summary code)', () => {
  it('a hand-made journal: stubs, edits, given and received, bots, suggestions', () => {
    const specs: Spec[] = [
      spec({ tags: [{ category: 'testing', confirmed: true }] }),
      spec({ deleted: true, tags: [{ category: 'testing', confirmed: true }] }),
      spec({ edited: true, tags: [{ category: 'design', confirmed: true }] }),
      spec({ edited: true, deleted: true }),
      spec({ bot: true, tags: [{ category: 'testing', confirmed: true }] }),
      spec({ tags: [{ category: 'praise', confirmed: false }] }),
      spec({ hour: 24 * 10 }),
      spec({ hour: 24 * 10, deleted: true }),
      spec({ who: 'given' }),
      spec({ who: 'given', deleted: true }),
      spec({ who: 'given', elsewhere: true }),
      spec({ who: 'given', elsewhere: true, deleted: true }),
      spec({ who: 'other' }),
    ];
    const want = expected(specs);
    // Written out, so a slip in `expected` shows too.
    assert.deepEqual([want.received, want.receivedPrevious, want.untagged, want.given, want.givenEverywhere], [3, 1, 1, 1, 2]);
    assert.deepEqual(want.byCategory, { testing: 1, design: 1, praise: 0 });
    check(specs);
  });

  it('any mix of items (property)', () => {
    fc.assert(fc.property(fc.array(arbSpec, { maxLength: 40 }), (specs) => check(specs)), { numRuns: 200 });
  });
});
