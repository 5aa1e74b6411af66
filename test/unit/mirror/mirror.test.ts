// "My reviews" on fixed journals: where the comments come from, how each is
// read, the mix, the per-person differences and the prompts.
import { strict as assert } from 'node:assert';
import { collectGiven, facetsOf, mirrorReport, percent, shares, type Prompt } from '../../../src/core/mirror';
import { given, journals, options, REVIEWER, ritaJournal, samJournal, t, taxonomy } from './fixture';

const groupOf = (c: string) => taxonomy.groupOf(c);
const report = (over = {}) => mirrorReport(collectGiven(REVIEWER, journals()).items, options(over));
const byRule = (prompts: Prompt[], rule: string) => prompts.filter((p) => p.rule === rule);

describe('My reviews: collecting the feedback given', () => {
  it('takes the comments the reviewer gave from every journal, once each', () => {
    const g = collectGiven(REVIEWER, journals());
    const ids = g.items.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length, 'no comment twice');
    assert.ok(ids.includes('x1'), 'a comment only in a tracked journal is found');
    assert.ok(!ids.includes('b1'), "someone else's comment is not rita's");
    assert.ok(!ids.includes('self'), 'a comment on her own PR is not feedback given');
    assert.equal(g.onlyInOthers, 1);
    assert.deepEqual(g.journals, ['rita', 'sam-lee']);
  });

  it('keeps the reviewer\'s own tags and the freshest thread state', () => {
    const byId = new Map(collectGiven(REVIEWER, journals()).items.map((f) => [f.id, f]));
    assert.deepEqual(byId.get('s5')!.tags.map((x) => x.category), ['design'], "rita's tag wins over the copy in sam-lee's journal");
    assert.equal(byId.get('s6')!.isResolved, true, "sam-lee's journal was synced later and knows it was resolved");
  });

  it('takes tags from another journal when the own copy has none counted', () => {
    const own = ritaJournal();
    const other = samJournal();
    other.feedback['s7'] = { ...own.feedback['s7']!, tags: [t('praise')] };
    const s7 = collectGiven(REVIEWER, [own, other]).items.find((f) => f.id === 's7')!;
    assert.deepEqual(s7.tags.map((x) => `${x.category}/${x.source}`), ['praise/manual']);
  });

  it('gives the same result whatever the order of the journals', () => {
    const a = collectGiven(REVIEWER, journals());
    const b = collectGiven(REVIEWER, [...journals()].reverse());
    assert.deepEqual(a, b);
  });
});

describe('My reviews: reading one comment', () => {
  const f = (over: Parameters<typeof given>[2]) => facetsOf(given('x', 'sam-lee', over), groupOf);

  it('keeps confirmed and likely apart', () => {
    const suggested = f({ body: 'Really clean.', tags: [t('praise', 'suggested')] });
    assert.equal(suggested.tone, 'unknown');
    assert.equal(suggested.likelyTone, 'praise');
    assert.equal(suggested.group, 'untagged');
    assert.equal(suggested.likelyGroup, 'interpersonal');
    assert.deepEqual(suggested.categories, []);
    const confirmed = f({ body: 'Really clean.', tags: [t('praise')] });
    assert.equal(confirmed.tone, 'praise');
    assert.equal(confirmed.likelyTone, undefined);
  });

  it('reads the kind from the Conventional Comments label first, then from counted tags', () => {
    assert.equal(f({ conventional: { label: 'nitpick', decorations: [] } }).tone, 'issue');
    assert.equal(f({ conventional: { label: 'thought', decorations: [] }, tags: [t('design')] }).tone, 'remark');
    assert.equal(f({ tags: [t('testing')] }).tone, 'issue');
    assert.equal(f({ tags: [t('mentoring')] }).tone, 'remark');
    assert.equal(f({ tags: [t('testing'), t('tone')] }).group, 'both');
  });

  it('tells questions from directives', () => {
    assert.equal(f({ body: 'Could we add a test for the empty case?' }).form, 'question');
    assert.equal(f({ body: 'question: what about retries', conventional: { label: 'question', decorations: [] } }).form, 'question');
    assert.equal(f({ body: 'Please add a test for the empty case.' }).form, 'directive');
    assert.equal(f({ body: 'suggestion: a Map would be linear.', conventional: { label: 'suggestion', decorations: [] } }).form, 'directive');
    assert.equal(f({ body: 'Rename `x` to `attempt`.' }).form, 'directive');
    assert.equal(f({ body: 'praise: is this not lovely?', conventional: { label: 'praise', decorations: [] } }).form, 'neither');
    assert.equal(f({ body: 'Thanks, resolving.' }).form, 'neither');
    // A question mark inside code or a link is not a question.
    assert.equal(f({ body: 'See `a ? b : c` and [x](https://e.com/?q=1).' }).form, 'neither');
  });

  it('says what became of an inline comment, and nothing for the others', () => {
    assert.equal(f({ isResolved: true, isOutdated: true }).thread, 'resolved');
    assert.equal(f({ isOutdated: true }).thread, 'outdated');
    assert.equal(f({}).thread, 'open');
    assert.equal(f({ kind: 'conversation' }).thread, undefined);
  });
});

describe('My reviews: the mix', () => {
  it('counts each comment once per axis', () => {
    const r = report();
    assert.equal(r.overall.total, 23);
    assert.deepEqual(r.overall.tone.counts, { praise: 5, issue: 13, remark: 2, unknown: 3 });
    assert.deepEqual(r.overall.likelyTone.counts, { praise: 1, issue: 1, none: 1 });
    assert.deepEqual(r.overall.blocking.counts, { blocking: 9, nonBlocking: 14 });
    assert.deepEqual(r.overall.form.counts, { question: 5, directive: 11, neither: 7 });
    assert.deepEqual(r.overall.thread.counts, { resolved: 8, open: 9, outdated: 0 });
    assert.deepEqual(r.overall.categories[0], { id: 'readability', confirmed: 9, likely: 0 });
    assert.deepEqual(r.overall.categories.find((c) => c.id === 'praise'), { id: 'praise', confirmed: 5, likely: 1 });
  });

  it('leaves out comments outside the period', () => {
    assert.ok(!report().ids.includes('old'));
    assert.ok(report({ from: null }).ids.includes('old'));
  });

  it('shows how the mix differs between people', () => {
    const r = report();
    assert.deepEqual(r.people.map((p) => [p.login, p.mix.total]), [['dana', 10], ['sam-lee', 8], ['eli', 5]]);
    const eli = r.people.find((p) => p.login === 'eli')!;
    assert.deepEqual(eli.differences.find((d) => d.metric === 'blocking'), { metric: 'blocking', person: 1, others: 4 / 18 });
    const dana = r.people.find((p) => p.login === 'dana')!;
    assert.equal(dana.differences.find((d) => d.metric === 'praise')!.person, 0.5);
  });

  it('formats shares so that a few never look like none or all', () => {
    assert.equal(percent(1, 300), '<1%');
    assert.equal(percent(299, 300), '>99%');
    assert.equal(percent(1, 4), '25%');
    assert.equal(percent(0, 0), '–');
    assert.deepEqual(shares({ total: 0, counts: { a: 0, b: 0 } }), { a: 0, b: 0 });
  });
});

describe('My reviews: prompts', () => {
  const r = report();

  it('are the expected ones, in order, each with its comments', () => {
    assert.deepEqual(
      r.prompts.map((p) => [p.rule, p.person ?? '', p.text]),
      [
        ['praise-habit', '', '5 of your 23 comments in March were praise (22%): authors hear what to keep doing, not only what to fix.'],
        ['no-praise-for-person', 'sam-lee', 'You left 6 issues and no praise for sam-lee in March (1 more comment might be praise: its tag is only suggested).'],
        ['no-praise-for-person', 'eli', 'You left 5 issues and no praise for eli in March.'],
        ['mostly-blocking-for-person', 'eli', 'All your feedback to eli in March is blocking, none of it praise.'],
        ['person-differs', 'dana', 'You praise dana in 50% of your comments in March, everyone else in 0%.'],
        ['blocking-theme', '', 'Most of your blocking comments in March are about readability (8 of 9): is a linter rule the better place?'],
        ['questions-vs-directives', '', 'Your questions are resolved about twice as often as your directives (4 of 5 against 4 of 11): asking seems to land well.'],
      ],
    );
  });

  it('link to exactly the comments they count', () => {
    assert.deepEqual(new Set(byRule(r.prompts, 'no-praise-for-person')[0]!.ids), new Set(['s1', 's2', 's3', 's4', 's5', 's6']));
    assert.deepEqual(new Set(byRule(r.prompts, 'blocking-theme')[0]!.ids), new Set(['s1', 's2', 's3', 'e1', 'e2', 'e3', 'e4', 'e5']));
    assert.deepEqual(new Set(byRule(r.prompts, 'praise-habit')[0]!.ids), new Set(['d1', 'd2', 'd3', 'd4', 'd5']));
  });

  it('name people as asked (pseudonyms in private exports)', () => {
    const named = report({ nameOf: (l: string) => (l === 'sam-lee' ? 'Author 1' : l) });
    assert.match(byRule(named.prompts, 'no-praise-for-person')[0]!.text, /no praise for Author 1 in March/);
    assert.ok(named.prompts.every((p) => !p.text.includes('sam-lee')));
  });

  it('say nothing when there is too little to go on', () => {
    const few = report({ minEvidence: 30 });
    assert.deepEqual(few.prompts, []);
    assert.ok(few.people.every((p) => p.differences.length === 0));
  });

  it('notice when directives land better than questions', () => {
    const items = [
      ...[1, 2, 3, 4, 5].map((n) => given(`qq${n}`, 'sam-lee', { body: `Why this, number ${n}?`, isResolved: n === 1 })),
      ...[1, 2, 3, 4, 5].map((n) => given(`dd${n}`, 'eli', { body: `Please rename thing ${n}.`, isResolved: n <= 4 })),
    ];
    const [p] = byRule(mirrorReport(items, options()).prompts, 'questions-vs-directives');
    assert.equal(p?.kind, 'reflect');
    assert.match(p!.text, /^Your directives are resolved more than three times as often as your questions \(4 of 5 against 1 of 5\)/);
  });

  it('notice comments left on code that changed', () => {
    const items = [1, 2, 3, 4, 5].map((n) => given(`o${n}`, 'sam-lee', { body: `Hmm ${n}`, isOutdated: true }));
    const [p] = byRule(mirrorReport(items, options()).prompts, 'left-outdated');
    assert.equal(p?.ids.length, 5);
  });
});
