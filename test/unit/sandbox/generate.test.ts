import assert from 'node:assert/strict';
import { generateDataset, DEMO_TOKEN, DEMO_VIEWER, DEFAULT_BASE_DATE } from '../../../src/demo/generate';
import { DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import { hunkNewSide, relocateLine } from '../../../src/core/relocate';
import { demoClone } from '../../../src/demo/workspace';
import type { Dataset, DatasetComment } from '../../../src/demo/dataset';

const LABEL = /^(praise|nitpick|suggestion|issue|todo|question|thought|chore|note)( \([^)]*\))?: /;

function allFeedback(d: Dataset): { body: string; author: string; category?: string }[] {
  const out: { body: string; author: string; category?: string }[] = [];
  for (const pr of d.pullRequests) {
    for (const t of pr.threads) out.push(...t.comments);
    out.push(...pr.reviews.filter((r) => r.body));
    out.push(...pr.comments);
  }
  return out;
}

describe('sandbox: generateDataset', () => {
  const data = generateDataset({});

  it('is deterministic: same seed gives identical JSON, another seed differs', () => {
    assert.equal(JSON.stringify(generateDataset({ seed: 7 })), JSON.stringify(generateDataset({ seed: 7 })));
    assert.equal(JSON.stringify(generateDataset({})), JSON.stringify(data));
    assert.notEqual(JSON.stringify(generateDataset({ seed: 8 })), JSON.stringify(generateDataset({ seed: 7 })));
  });

  it('has a team of 6, two bots and 8 repos in one org', () => {
    const humans = data.users.filter((u) => u.type === 'User');
    const bots = data.users.filter((u) => u.type === 'Bot');
    assert.equal(humans.length, 6);
    assert.ok(humans.some((u) => u.login === DEMO_VIEWER));
    assert.deepEqual(bots.map((b) => b.login).sort(), ['ci-helper[bot]', 'dependabot[bot]']);
    assert.equal(data.repos.length, 8);
    assert.equal(new Set(data.repos.map((r) => r.owner)).size, 1);
    assert.equal(DEMO_TOKEN, 'demo-token');
  });

  it('has 300 PRs and about 3,000 comments, a quarter with Conventional Comments labels', () => {
    assert.equal(data.pullRequests.length, 300);
    const all = allFeedback(data);
    assert.ok(all.length >= 2500 && all.length <= 3500, `comments: ${all.length}`);
    const share = all.filter((c) => LABEL.test(c.body)).length / all.length;
    assert.ok(share > 0.18 && share < 0.32, `label share ${share}`);
    assert.ok(all.some((c) => c.body.startsWith('issue (blocking, security): ')));
    assert.ok(all.some((c) => c.body.startsWith('nitpick (non-blocking): ')));
    assert.ok(all.some((c) => c.body.startsWith('praise: ')));
  });

  it('represents every default category and includes bot comments', () => {
    const categories = new Set(allFeedback(data).map((c) => c.category));
    for (const c of DEFAULT_CATEGORIES) assert.ok(categories.has(c.id), `missing ${c.id}`);
    const bots = allFeedback(data).filter((c) => c.author.endsWith('[bot]'));
    assert.ok(bots.length > 50, `bot comments: ${bots.length}`);
  });

  it('has resolved and outdated threads, empty and non-empty reviews, and unique ids', () => {
    const threads = data.pullRequests.flatMap((p) => p.threads);
    assert.ok(threads.some((t) => t.isResolved) && threads.some((t) => !t.isResolved));
    const outdated = threads.filter((t) => t.isOutdated);
    assert.ok(outdated.length > 0 && outdated.every((t) => t.line === null && t.originalLine !== null));
    const reviews = data.pullRequests.flatMap((p) => p.reviews);
    assert.ok(reviews.some((r) => r.body === '') && reviews.some((r) => r.body !== ''));
    const ids = [...data.pullRequests.map((p) => p.id), ...threads.map((t) => t.id), ...threads.flatMap((t) => t.comments.map((c) => c.id)), ...reviews.map((r) => r.id)];
    assert.equal(new Set(ids).size, ids.length);
  });

  it('keeps dates within ~9 months before the base date, ordered within each PR', () => {
    const base = Date.parse(DEFAULT_BASE_DATE);
    for (const pr of data.pullRequests) {
      const created = Date.parse(pr.createdAt);
      assert.ok(created < base && created > base - 275 * 86_400_000, pr.createdAt);
      const stamps: DatasetComment[] = [...pr.threads.flatMap((t) => t.comments), ...pr.comments];
      for (const c of stamps) {
        assert.ok(Date.parse(c.createdAt) >= created && Date.parse(c.updatedAt) <= Date.parse(pr.updatedAt), `${pr.id} ${c.id}`);
      }
    }
    const later = generateDataset({ baseDate: '2030-01-01T00:00:00Z' });
    assert.ok(later.pullRequests.every((p) => p.createdAt > '2029-03-01'));
  });

  it('writes realistic hunks that end at the commented line', () => {
    for (const thread of data.pullRequests.flatMap((p) => p.threads)) {
      const m = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@/.exec(thread.diffHunk);
      assert.ok(m, thread.diffHunk);
      const newSide = hunkNewSide(thread.diffHunk);
      assert.equal(newSide.length, Number(m[4]));
      assert.equal(Number(m[3]) + newSide.length - 1, thread.originalLine);
      assert.ok(newSide[newSide.length - 1]!.trim() !== '', 'the commented line has code');
    }
  });

  it('hunks on one file agree, so a demo clone puts every comment on its line', () => {
    for (const repo of data.repos.map((r) => `${r.owner}/${r.name}`)) {
      const files = demoClone(data, repo);
      for (const pr of data.pullRequests.filter((p) => p.repo === repo)) {
        for (const t of pr.threads) {
          const lines = files.get(t.path)!.split('\n');
          const at = t.line ?? t.originalLine!;
          assert.equal(relocateLine(lines, at, t.diffHunk), at, `${repo} ${t.path}:${at}`);
        }
      }
    }
  });

  it('scales with options', () => {
    const small = generateDataset({ seed: 3, engineers: 3, repos: 2, prs: 20 });
    assert.equal(small.users.filter((u) => u.type === 'User').length, 3);
    assert.equal(small.repos.length, 2);
    assert.equal(small.pullRequests.length, 20);
  });
});
