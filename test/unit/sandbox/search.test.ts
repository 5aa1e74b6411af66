import assert from 'node:assert/strict';
import { generateDataset } from '../../../src/demo/generate';
import { dateRange, searchPullRequests, SEARCH_RESULT_LIMIT } from '../../../sandbox/search';

describe('sandbox: search qualifiers', () => {
  const data = generateDataset({ seed: 21, prs: 120 });
  const prs = data.pullRequests;
  const run = (q: string) => searchPullRequests(prs, q, 'ISSUE', () => true);

  it('author:, reviewed-by: and commenter: match who did what', () => {
    assert.deepEqual(run('is:pr author:sam-lee').items.map((p) => p.id).sort(), prs.filter((p) => p.author === 'sam-lee').map((p) => p.id).sort());
    const reviewed = run('is:pr reviewed-by:aisha-k').items;
    assert.ok(reviewed.length > 0);
    for (const pr of reviewed) {
      assert.notEqual(pr.author, 'aisha-k');
      assert.ok(pr.reviews.some((r) => r.author === 'aisha-k') || pr.threads.some((t) => t.comments.some((c) => c.author === 'aisha-k')));
    }
    const commented = run('commenter:ci-helper[bot]').items;
    assert.ok(commented.length > 0 && commented.every((p) => p.comments.some((c) => c.author === 'ci-helper[bot]') || p.threads.some((t) => t.comments.some((c) => c.author === 'ci-helper[bot]'))));
    const involves = run('involves:jonas-berg').items;
    assert.ok(involves.length >= run('author:jonas-berg').items.length);
  });

  it('updated:>=, updated:>, repo:, state and negation', () => {
    const cut = prs[60]!.updatedAt;
    const ge = run(`is:pr updated:>=${cut}`).items;
    assert.equal(ge.length, prs.filter((p) => p.updatedAt >= cut).length);
    const gt = run(`is:pr updated:>${cut}`).items;
    assert.equal(gt.length, prs.filter((p) => p.updatedAt > cut).length);
    const repo = prs[0]!.repo;
    assert.ok(run(`repo:${repo}`).items.every((p) => p.repo === repo));
    assert.equal(run(`repo:${repo}`).issueCount + run(`-repo:${repo}`).issueCount, prs.length);
    assert.ok(run('is:pr is:open').items.every((p) => p.state === 'OPEN'));
    assert.equal(run('is:issue').issueCount, 0);
    assert.equal(run('frobnicate:yes').issueCount, 0, 'unknown qualifiers match nothing');
  });

  it('sorts by updated ascending or descending', () => {
    const asc = run('is:pr sort:updated-asc').items.map((p) => p.updatedAt);
    assert.deepEqual(asc, [...asc].sort());
    const desc = run('is:pr sort:updated-desc').items.map((p) => p.updatedAt);
    assert.deepEqual(desc, [...asc].reverse());
  });

  it('reports the full count but returns at most 1,000 results', () => {
    const many = Array.from({ length: 10 }, (_, k) => prs.map((p) => ({ ...p, id: `${p.id}-${k}`, number: p.number + 1000 * k }))).flat();
    const r = searchPullRequests(many, 'is:pr', 'ISSUE', () => true);
    assert.equal(r.issueCount, 1200);
    assert.equal(r.items.length, SEARCH_RESULT_LIMIT);
  });

  it('leaves out repositories the viewer cannot read', () => {
    const hidden = prs[0]!.repo;
    const r = searchPullRequests(prs, 'is:pr', 'ISSUE', (repo) => repo !== hidden);
    assert.ok(r.items.every((p) => p.repo !== hidden));
  });

  it('parses date ranges the way GitHub documents them', () => {
    const day = Date.parse('2026-05-01T00:00:00Z');
    assert.deepEqual(dateRange('>=2026-05-01'), { from: day, to: Infinity });
    assert.deepEqual(dateRange('>2026-05-01'), { from: day + 86_400_000, to: Infinity });
    assert.deepEqual(dateRange('<2026-05-01'), { from: -Infinity, to: day });
    assert.deepEqual(dateRange('2026-05-01..2026-05-02'), { from: day, to: day + 2 * 86_400_000 });
    assert.deepEqual(dateRange('>=2026-05-01T10:00:00+02:00'), { from: Date.parse('2026-05-01T08:00:00Z'), to: Infinity });
    assert.equal(dateRange('>=yesterday'), undefined);
  });
});
