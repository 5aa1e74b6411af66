// "Feedback you gave" in the summary export: built from the engineer's journal
// and the journals of the people they review, in every format, with the
// privacy options applied; from the CLI with --include-given.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSummary, SummarySchema, toCsv, toHtml, toJson, toMarkdown, type SummaryOptions } from '../../../src/core/summary';
import { JournalStore } from '../../../src/store';
import type { Journal } from '../../../src/core/model';
import { ritaJournal, samJournal, taxonomy } from '../mirror/fixture';
import { danaJournal, FROM as DANA_FROM, NOW as DANA_NOW, TO as DANA_TO } from './fixture';

const base: SummaryOptions = {
  journals: [ritaJournal()],
  givenSources: [samJournal()],
  includeGiven: true,
  from: '2026-03-01',
  to: '2026-04-01',
  now: new Date('2026-04-02T09:00:00Z'),
  timeZone: 'UTC',
  includeText: true,
  includeReviewerNames: true,
  excludeBots: true,
  taxonomy,
};

function golden(name: string, actual: string): void {
  const file = join(__dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 to rewrite)`);
}

describe('summary: feedback you gave', () => {
  it('counts the comments given, once each, including those only in the journals of the people reviewed', () => {
    const g = buildSummary(base).engineers[0]!.feedbackGiven!;
    assert.equal(g.total, 23);
    assert.equal(g.onlyInOtherJournals, 1);
    assert.deepEqual(g.kind, { praise: 5, issue: 13, remark: 2, unknown: 3, likelyPraise: 1, likelyIssue: 1 });
    assert.deepEqual(g.blocking, { blocking: 9, nonBlocking: 14 });
    assert.deepEqual(g.threads, { resolved: 8, open: 9, outdated: 0 });
    assert.deepEqual(g.people.map((p) => [p.person, p.total, p.praise, p.blocking]), [['dana', 10, 5, 0], ['sam-lee', 8, 0, 4], ['eli', 5, 0, 5]]);
    const noPraise = g.prompts.find((p) => p.rule === 'no-praise-for-person' && p.person === 'sam-lee')!;
    assert.equal(noPraise.text, 'You left 6 issues and no praise for sam-lee in this period (1 more comment might be praise: its tag is only suggested).');
    assert.deepEqual(noPraise.comments.map((c) => c.id).sort(), ['s1', 's2', 's3', 's4', 's5', 's6']);
    assert.ok(noPraise.comments.every((c) => c.url.startsWith('https://github.com/acme/api/pull/')));
  });

  it('is left out unless asked for, and the rest of the summary does not change', () => {
    const without = buildSummary({ ...base, includeGiven: false });
    assert.equal(without.engineers[0]!.feedbackGiven, undefined);
    assert.equal('includeGiven' in without.options, false);
    const withIt = buildSummary(base);
    assert.equal(withIt.options.includeGiven, true);
    const { feedbackGiven: _, ...rest } = withIt.engineers[0]!;
    assert.deepEqual(rest, without.engineers[0]);
  });

  it('validates against the JSON schema and renders in Markdown and HTML', () => {
    const s = buildSummary(base);
    assert.ok(SummarySchema.safeParse(JSON.parse(toJson(s))).success);
    golden('rita-given.md', toMarkdown(s));
    const html = toHtml(s);
    assert.match(html, /<h2>Feedback you gave<\/h2>/);
    assert.match(html, /<h3>Prompts<\/h3>/);
    assert.match(html, /You left 6 issues and no praise for sam-lee in this period/);
    assert.match(html, /<a href="https:\/\/github\.com\/acme\/api\/pull\/1#discussion_s1" rel="noopener noreferrer">/);
    // CSV rows are items; the section adds none.
    assert.equal(toCsv(s), toCsv(buildSummary({ ...base, includeGiven: false })));
  });

  it('applies the privacy options: pseudonyms everywhere, no comment text', () => {
    const s = buildSummary({ ...base, includeText: false, includeReviewerNames: false });
    const g = s.engineers[0]!.feedbackGiven!;
    assert.deepEqual(g.people.map((p) => p.person), ['Author 2', 'Author 1', 'Author 3']);
    for (const text of [toMarkdown(s), toHtml(s), toJson(s)]) {
      for (const login of ['sam-lee', 'dana', 'eli']) assert.ok(!new RegExp(`\\b${login}\\b`).test(text), `${login} appears`);
      for (const body of ['nested ternaries', 'batch path', 'quick turnaround', 'lovely test']) assert.ok(!text.includes(body), `comment text "${body}" appears`);
    }
    assert.match(toMarkdown(s), /no praise for Author 1 in this period/);
  });

  it('escapes hostile names in Markdown and HTML', () => {
    const rita = ritaJournal();
    for (const f of Object.values(rita.feedback)) if (f.author === 'eli') f.author = '<img src=x onerror=alert(1)>';
    const s = buildSummary({ ...base, journals: [rita] });
    assert.ok(!toHtml(s).includes('<img src=x'));
    assert.match(toHtml(s), /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.ok(!/(?<!\\)<img src=x/.test(toMarkdown(s)), 'Markdown escapes the angle bracket');
    assert.match(toMarkdown(s), /\\<img src=x onerror=alert\(1\)\\>/);
  });

  it('says so when the engineer gave nothing in the period', () => {
    const s = buildSummary({ ...base, from: '2025-01-01', to: '2025-02-01' });
    assert.match(toMarkdown(s), /## Feedback you gave\n\nNo review comments on other people's pull requests in this period\.\n\n### Prompts\n\n- Nothing stands out/);
  });

  it('keeps the existing golden summaries as they were', () => {
    const dana = buildSummary({ journals: [danaJournal()], from: DANA_FROM, to: DANA_TO, now: DANA_NOW, timeZone: 'UTC', includeText: true, includeReviewerNames: true, excludeBots: true, taxonomy });
    assert.equal(toMarkdown(dana), readFileSync(join(__dirname, 'golden', 'dana.md'), 'utf8'));
  });
});

describe('CLI: review-mentor export --include-given', function () {
  this.timeout(60_000);
  let root: string;

  async function write(j: Journal): Promise<void> {
    const h = await new JournalStore({ rootDir: root, shardCount: 4 }).open(j.engineer);
    await h.upsertFeedback(Object.values(j.feedback), { syncedUntil: j.syncedUntil ?? undefined });
  }

  function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', '--journal-dir', root, ...args], (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
  }

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'rm-given-'));
    await write(ritaJournal());
    await write(samJournal());
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('adds the section, with comments found in the other journals of the folder', async () => {
    const r = await cli(['--engineer', 'rita', '--format', 'json', '--from', '2026-03-01', '--to', '2026-03-31', '--include-given']);
    assert.equal(r.code, 0, r.stderr);
    const g = SummarySchema.parse(JSON.parse(r.stdout)).engineers[0]!.feedbackGiven!;
    assert.equal(g.total, 23);
    assert.equal(g.onlyInOtherJournals, 1);
  });

  it('leaves it out without the flag', async () => {
    const r = await cli(['--engineer', 'rita', '--format', 'md', '--from', '2026-03-01', '--to', '2026-03-31']);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /Feedback you gave/);
  });

  it('skips a damaged other journal with a note, and still exports', async () => {
    writeFileSync(join(root, 'github.com', 'zed.json'), '{ not json');
    const r = await cli(['--engineer', 'rita', '--format', 'md', '--from', '2026-03-01', '--to', '2026-03-31', '--include-given', '--no-reviewer-names']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /skipped the journal of zed when looking for feedback given/);
    assert.match(r.stdout, /## Feedback you gave/);
    assert.match(r.stdout, /no praise for Author \d in this period/);
    assert.equal(readFileSync(join(root, 'github.com', 'zed.json'), 'utf8'), '{ not json', 'the damaged file is left as it was');
  });
});
