import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { buildSummary, resolvePeriods, toCsv, toHtml, toMarkdown, toJson, SummarySchema, type SummaryOptions } from '../../../src/core/summary';
import { isGivenBy, isReceivedBy, type Entry, type Feedback, type Journal, type Tag } from '../../../src/core/model';
import { Taxonomy, DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import { danaJournal, FROM, NOW, TO } from './fixture';

const taxonomy = new Taxonomy(DEFAULT_CATEGORIES);
const opts = (journals: Journal[], over: Partial<SummaryOptions> = {}): SummaryOptions => ({
  journals, from: FROM, to: TO, now: NOW, timeZone: 'UTC', includeText: true, includeReviewerNames: true, excludeBots: true, taxonomy, ...over,
});

let seq = 0;
function fb(over: Partial<Feedback>): Feedback {
  seq++;
  return {
    id: `f${seq}`, kind: 'review-comment', prUrl: 'https://github.com/o/r/pull/1', repo: 'o/r', prNumber: 1, author: 'dana', reviewer: 'rev',
    body: 'x', url: `https://github.com/o/r/pull/1#c${seq}`, createdAt: '2026-02-10T00:00:00Z', updatedAt: '2026-02-10T00:00:00Z', isResolved: false, tags: [], ...over,
  };
}
const journal = (items: Feedback[], entries: Entry[] = [], login = 'dana'): Journal => ({
  schemaVersion: 2, engineer: { login, host: 'github.com' }, syncedUntil: null, feedback: Object.fromEntries(items.map((f) => [f.id, f])), entries,
});

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else (field += c), i++;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 11, 1);
const arbItem = fc.record({
  t: fc.integer({ min: T0, max: T0 + 120 * DAY }),
  author: fc.constantFrom('dana', 'Dana', 'erin'),
  reviewer: fc.constantFrom('dana', 'erin', 'bob', 'renovate[bot]'),
  bot: fc.boolean(),
  tags: fc.array(fc.record({ category: fc.constantFrom('testing', 'praise', 'design', 'mystery'), source: fc.constantFrom<Tag['source']>('manual', 'marker', 'conventional-comment', 'suggested') }), { maxLength: 3 }),
  body: fc.string({ maxLength: 40 }),
});
type Spec = typeof arbItem extends fc.Arbitrary<infer T> ? T : never;
const toFeedback = (s: Spec) =>
  fb({ createdAt: new Date(s.t).toISOString(), author: s.author, reviewer: s.reviewer, reviewerIsBot: s.bot && s.reviewer === 'bob', body: s.body, tags: s.tags.map((t) => ({ ...t, at: '', by: 'x' })) });

const tag = (category: string, source: Tag['source'] = 'manual'): Tag => ({ category, source, at: '', by: 'x' });

describe('summary', () => {
  it('counts equal the matching journal items in [from, to), without bots or suggestions (property)', () => {
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 60 }), fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1, max: 40 }), (specs, startDay, len) => {
        const items = specs.map(toFeedback);
        const from = new Date(T0 + startDay * DAY);
        const to = new Date(from.getTime() + len * DAY);
        const s = buildSummary(opts([journal(items)], { from, to }));
        const e = s.engineers[0]!;
        const inPeriod = (f: Feedback, a: number, b: number) => Date.parse(f.createdAt) >= a && Date.parse(f.createdAt) < b;
        const human = (f: Feedback) => !f.reviewerIsBot && !f.reviewer.endsWith('[bot]');
        const prevFrom = from.getTime() - len * DAY;
        const received = items.filter((f) => isReceivedBy(f, 'dana') && human(f) && inPeriod(f, from.getTime(), to.getTime()));
        const receivedPrev = items.filter((f) => isReceivedBy(f, 'dana') && human(f) && inPeriod(f, prevFrom, from.getTime()));
        assert.equal(e.received.total.current, received.length);
        assert.equal(e.received.total.previous, receivedPrev.length);
        assert.equal(e.given.total.current, items.filter((f) => isGivenBy(f, 'dana') && human(f) && inPeriod(f, from.getTime(), to.getTime())).length);
        for (const c of e.received.byCategory) {
          assert.equal(c.current, received.filter((f) => f.tags.some((t) => t.source !== 'suggested' && t.category === c.id)).length, c.id);
        }
        const untagged = received.filter((f) => f.tags.every((t) => t.source === 'suggested')).length;
        assert.equal(e.received.untagged.current, untagged);
        assert.equal(e.items.length, e.received.total.current + e.given.total.current);
        assert.ok(SummarySchema.safeParse(s).success);
      }),
      { numRuns: 150 },
    );
  });

  it('the previous period has the same length and ends where the period starts (property)', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 120 }), fc.constantFrom(...zones), fc.boolean(), (startDay, len, zone, byDate) => {
        const first = new Date(Date.UTC(2020, 0, 1) + startDay * DAY).toISOString().slice(0, 10);
        const end = new Date(Date.UTC(2020, 0, 1) + (startDay + len) * DAY).toISOString().slice(0, 10);
        const p = byDate ? resolvePeriods(first, end, zone) : resolvePeriods(new Date(Date.parse(`${first}T06:30:00Z`)), new Date(Date.parse(`${end}T06:30:00Z`)), zone);
        assert.equal(p.previous.to, p.current.from);
        assert.equal(p.previous.days, p.current.days);
        if (byDate) assert.equal(p.current.days, len);
        else assert.equal(p.previous.to - p.previous.from, p.current.to - p.current.from);
      }),
    );
  });

  it('a comment exactly on a boundary is counted once across adjacent periods, in any zone (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/London'), fc.integer({ min: 0, max: 365 }), (zone, d) => {
        const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * DAY).toISOString().slice(0, 10);
        const boundary = resolvePeriods(day(d + 7), day(d + 14), zone).current.from;
        const j = journal([fb({ createdAt: new Date(boundary).toISOString() })]);
        const before = buildSummary(opts([j], { from: day(d), to: day(d + 7), timeZone: zone }));
        const after = buildSummary(opts([j], { from: day(d + 7), to: day(d + 14), timeZone: zone }));
        assert.equal(before.engineers[0]!.received.total.current + after.engineers[0]!.received.total.current, 1);
        assert.equal(after.engineers[0]!.received.total.current, 1, 'the start of a period is inside it');
        assert.equal(after.engineers[0]!.received.total.previous, 0, 'and not in the period before');
      }),
    );
  });

  it('periods follow the time zone: a Los Angeles week across the DST change', () => {
    const j = journal([
      fb({ createdAt: '2026-03-15T06:59:59Z' }), // 23:59:59 PDT on 14 March: inside
      fb({ createdAt: '2026-03-15T07:00:00Z' }), // midnight PDT on 15 March: next period
      fb({ createdAt: '2026-03-08T07:59:59Z' }), // 23:59:59 PST on 7 March: previous period
    ]);
    const s = buildSummary(opts([j], { from: '2026-03-08', to: '2026-03-15', timeZone: 'America/Los_Angeles' }));
    assert.equal(s.period.from, '2026-03-08T08:00:00.000Z');
    assert.equal(s.period.to, '2026-03-15T07:00:00.000Z');
    assert.equal(s.previousPeriod.from, '2026-03-01T08:00:00.000Z');
    assert.equal(s.period.days, 7);
    assert.equal(s.engineers[0]!.received.total.current, 1);
    assert.equal(s.engineers[0]!.received.total.previous, 1);
    assert.equal(s.engineers[0]!.items[0]!.date, '2026-03-14');
    assert.throws(() => buildSummary(opts([j], { timeZone: 'Mars/Olympus' })), RangeError);
    assert.throws(() => buildSummary(opts([j], { from: TO, to: FROM })), /end after it starts/);
  });

  it('CSV parses back to one row per item, fields intact (property)', () => {
    const nasty = fc.stringMatching(/^[a-z ,"\r\n=+\-@;'<>]{0,30}$/);
    fc.assert(
      fc.property(fc.array(nasty, { minLength: 0, maxLength: 15 }), (bodies) => {
        const items = bodies.map((body, i) => fb({ body, createdAt: new Date(Date.UTC(2026, 1, 2) + i * 60_000).toISOString() }));
        const csv = toCsv(buildSummary(opts([journal(items)])));
        const rows = parseCsv(csv);
        assert.equal(rows.length, items.length + 1);
        const bodyCol = rows[0]!.indexOf('body');
        rows.slice(1).forEach((r, i) => {
          assert.equal(r.length, rows[0]!.length);
          // Line endings become newlines; anything that starts like a formula after white space gets an apostrophe.
          const expected = bodies[i]!.replace(/\r\n?/g, '\n');
          assert.equal(r[bodyCol], /^\s*[=+\-@]/.test(expected) || /^[\t\r]/.test(bodies[i]!) ? `'${expected}` : expected);
        });
      }),
    );
  });

  it('hostile text from GitHub never reaches the HTML unescaped (property)', () => {
    const hostile = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '"><svg onload=alert(1)>', "'><a href='javascript:alert(1)'>x</a>", '<style>body{display:none}</style>', '&lt;script&gt;', '<!--', ']]>', '<iframe srcdoc="<script>">'];
    const allowedTags = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'ul', 'li', 'a', 'blockquote', 'br', 'section']);
    const text = fc.array(fc.constantFrom(...hostile, 'ok ', 'praise: ', 'issue (blocking): '), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, text, fc.boolean(), (body, login, entryText, names) => {
        const items = [
          fb({ body: `praise: ${body}`, reviewer: login, tags: [{ category: 'praise', source: 'manual', at: '', by: 'x' }], prTitle: body, path: body, repo: login, url: 'javascript:alert(1)' }),
          fb({ body: `issue (blocking): ${body}`, conventional: { label: 'issue', decorations: ['blocking'], blocking: true }, prUrl: body }),
          fb({ body, author: login, reviewer: 'dana' }),
        ];
        const entries: Entry[] = [{ id: 'e', kind: 'goal', text: entryText, status: 'open', links: items.map((i) => i.id), createdAt: '', updatedAt: '' }];
        const html = toHtml(buildSummary(opts([journal(items, entries), journal([], [], login)], { includeReviewerNames: names })));
        const [head, rest] = html.split('</style>') as [string, string];
        assert.ok(!head.slice(head.indexOf('<style>')).includes('<', 1), 'nothing but CSS in the style element');
        for (const m of rest.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
          assert.ok(allowedTags.has(m[1]!.toLowerCase()), `unexpected tag <${m[1]}>`);
          assert.ok(!/\son\w+\s*=/i.test(m[2]!), `event handler in ${m[0]}`);
          for (const href of m[2]!.matchAll(/href="([^"]*)"/g)) assert.match(href[1]!, /^https?:\/\//);
        }
        assert.ok(!html.includes('<script') && !html.includes('<img') && !html.includes('<svg') && !html.includes('<iframe'));
        const md = toMarkdown(buildSummary(opts([journal(items, entries)])));
        assert.ok(!/(^|[^\\])<(script|img|svg|iframe)/.test(md), 'markdown escapes HTML');
        assert.ok(!/(^|[^\\])\]\(<?javascript:/i.test(md), 'no javascript: links in markdown');
      }),
      { numRuns: 60 },
    );
  });

  it('privacy: no text leaves out every body and title; no names leaves out every other login', () => {
    const j = danaJournal();
    const s = buildSummary(opts([j], { includeText: false, includeReviewerNames: false }));
    const outputs = [toMarkdown(s), toHtml(s), toCsv(s), toJson(s)];
    for (const out of outputs) {
      for (const secret of ['error handling', 'Retry failed uploads', 'SUM(A1', 'alice', 'carol', 'bob', 'frank', 'erin']) {
        assert.ok(!out.includes(secret), `"${secret}" leaked`);
      }
      assert.ok(out.includes('https://github.com/acme/api/pull/15#discussion_r4'), 'links stay');
    }
    assert.deepEqual(s.engineers[0]!.themes.topics, []);
    assert.equal(s.engineers[0]!.received.total.current, 8, 'counts stay');
  });

  it('suggestions never count, bots can be kept, notes and dropped entries are private', () => {
    const s = buildSummary(opts([danaJournal()], { excludeBots: false }));
    const e = s.engineers[0]!;
    assert.equal(e.received.total.current, 9, 'the bot comment counts when bots are kept');
    assert.equal(e.received.byCategory.find((c) => c.id === 'testing')!.current, 3, 'r6 has only a suggested testing tag');
    const texts = [...e.goals, ...e.actions].map((x) => x.text);
    assert.ok(!texts.some((t) => /Private note|Dropped idea|back in January/.test(t)));
    assert.deepEqual(e.goals.map((g) => [g.id, g.overdue]), [['e1', true], ['e2', false]]);
  });

  it('talking points follow the rules', () => {
    const e = buildSummary(opts([danaJournal()])).engineers[0]!;
    const rules = e.talkingPoints.map((t) => t.rule);
    assert.deepEqual(rules, ['acknowledge-praise', 'biggest-decrease', 'unresolved-blocking', 'biggest-increase', 'overdue-goal', 'open-actions', 'completed']);
    const quiet = buildSummary(opts([journal([fb({})])])).engineers[0]!;
    assert.ok(quiet.talkingPoints.some((t) => t.rule === 'encourage-reviewing'));
    const untagged = buildSummary(opts([journal(Array.from({ length: 6 }, () => fb({})))])).engineers[0]!;
    assert.ok(untagged.talkingPoints.some((t) => t.rule === 'too-few-confirmed' && t.text.startsWith('Only 0 of 6 comments')));
    const mostlyUntagged = buildSummary(opts([journal([...Array.from({ length: 6 }, () => fb({ tags: [tag('design')] })), ...Array.from({ length: 7 }, () => fb({}))])])).engineers[0]!;
    assert.ok(mostlyUntagged.talkingPoints.some((t) => t.rule === 'tag-feedback' && t.text.startsWith('7 of 13 comments')));
    const empty = buildSummary(opts([journal([])]));
    assert.deepEqual(empty.engineers[0]!.talkingPoints.map((t) => t.rule), ['no-feedback-received', 'encourage-reviewing']);
    assert.match(empty.notes[0]!, /No feedback received or given by dana between 2026-02-01 and 2026-02-28/);
  });

  it('no top category, theme or trend from fewer than MIN_CONFIRMED confirmed comments; it says so instead', () => {
    // Issue 11: "Top category: Readability" from 1 tag, "Less Security feedback (3 → 0)" while 14 of 18 were untagged.
    const now = (n: number, category: string) => Array.from({ length: n }, () => fb({ createdAt: '2026-02-10T00:00:00Z', tags: [tag(category)] }));
    const before = (n: number, category: string) => Array.from({ length: n }, () => fb({ createdAt: '2026-01-10T00:00:00Z', tags: [tag(category)] }));
    const suggested = Array.from({ length: 14 }, () => fb({ createdAt: '2026-02-10T00:00:00Z', tags: [tag('testing', 'suggested')] }));
    const few = buildSummary(opts([journal([...now(1, 'readability'), ...before(3, 'security'), ...suggested]), journal([], [], 'erin')]));
    const e = few.engineers[0]!;
    assert.equal(e.received.enoughConfirmed, false);
    assert.equal(e.received.comparable, false);
    assert.deepEqual([e.received.confirmed.current, e.received.shares.likely, e.received.shares.notSure, e.received.untagged.current], [1, 14, 0, 14]);
    assert.equal(few.team![0]!.topCategory, null, 'no top category from one tag');
    assert.deepEqual(e.themes.categories, []);
    const rules = e.talkingPoints.map((t) => t.rule);
    assert.ok(!rules.includes('biggest-decrease') && !rules.includes('biggest-increase') && !rules.includes('recurring-theme'), rules.join());
    const point = e.talkingPoints.find((t) => t.rule === 'too-few-confirmed')!;
    assert.match(point.text, /Only 1 of 15 comments received has a confirmed tag: too few .* \(at least 5 needed\)\. First confirm the 14 likely tags with "Review suggestions" \(the Feedback view or the journal\)\./);
    const md = toMarkdown(few);
    assert.match(md, /Changes by category need at least 5 comments with a confirmed tag in both periods \(1 now, 3 before\)/);
    assert.match(md, /\| Readability \| 1 \| 0 \| – \|/, 'no change column from a handful of tags');
    assert.match(md, /Categories: too few confirmed tags \(1; at least 5 needed\)/);
    assert.match(toHtml(few), /<td>Readability<\/td><td class="n">1<\/td><td class="n">0<\/td><td class="n">–<\/td>/);

    const enough = buildSummary(opts([journal([...now(6, 'testing'), ...before(5, 'security')])])).engineers[0]!;
    assert.equal(enough.received.comparable, true);
    assert.ok(enough.talkingPoints.some((t) => t.rule === 'biggest-decrease' && /Security feedback .*\(5 → 0\)/.test(t.text)));
    const onlyNow = buildSummary(opts([journal([...now(6, 'testing'), ...before(4, 'security')])])).engineers[0]!;
    assert.equal(onlyNow.received.enoughConfirmed, true);
    assert.equal(onlyNow.received.comparable, false, 'the previous period has too few confirmed tags to compare with');
    assert.ok(!onlyNow.talkingPoints.some((t) => /^biggest-/.test(t.rule)));
  });
});
