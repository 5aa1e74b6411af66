// The editor's export and `review-mentor export` run the same pipeline: same
// journals, same defaults (machine time zone, last 30 days), same bytes. The
// editor path is what "Export summary..." runs after its pickers: the journals
// loaded through the store, renderSummary with presetDays and localTimeZone.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JournalStore } from '../../../src/store';
import type { Journal } from '../../../src/core/model';
import { Taxonomy } from '../../../src/core/taxonomy';
import { localTimeZone, presetDays, renderSummary, type SummaryFormat } from '../../../src/core/summary';
import { danaJournal } from './fixture';

function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env['REVIEW_MENTOR_JOURNAL_DIR'];
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', ...args], { env }, (err, _stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

/** Dana's fixture moved so that its comments fall in the last 30 days. */
function recentJournal(): Journal {
  const j = danaJournal();
  const shift = Date.now() - Date.parse('2026-03-01T00:00:00Z');
  const move = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
  for (const f of Object.values(j.feedback)) Object.assign(f, { createdAt: move(f.createdAt), updatedAt: move(f.updatedAt) });
  return j;
}

describe('editor and CLI exports are the same file', function () {
  this.timeout(90_000);
  let root: string;
  let journal: Journal;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'rm-same-'));
    const store = new JournalStore({ rootDir: root, shardCount: 4 });
    const h = await store.open(recentJournal().engineer);
    const fixture = recentJournal();
    await h.upsertFeedback(Object.values(fixture.feedback), {});
    await h.updateMeta((m) => {
      m.entries = fixture.entries;
    });
    journal = await (await new JournalStore({ rootDir: root, shardCount: 4 }).open(fixture.engineer)).load();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const format of ['md', 'html', 'csv', 'json'] as SummaryFormat[]) {
    it(`${format}: the CLI's defaults give the editor's "Last 30 days" byte for byte`, async () => {
      const out = join(root, `cli.${format}`);
      const r = await cli(['--engineer', 'dana', '--format', format, '--journal-dir', root, '--out', out]);
      assert.equal(r.code, 0, r.stderr);
      const timeZone = localTimeZone();
      const days = presetDays('last30', Date.now(), timeZone);
      const editor = renderSummary(
        { journals: [journal], fromDay: days.from, toDay: days.to, timeZone, now: new Date(), includeText: true, includeReviewerNames: true, excludeBots: true, taxonomy: Taxonomy.fromSettings().taxonomy },
        format,
      );
      let cliText = readFileSync(out, 'utf8');
      let editorText = editor;
      if (format === 'json') {
        // The one field that differs by design: the instant each run was made.
        const stamp = /"generatedAt": ?"[^"]+"/;
        cliText = cliText.replace(stamp, '"generatedAt":"-"');
        editorText = editorText.replace(stamp, '"generatedAt":"-"');
      }
      assert.ok(editorText.length > 200, 'the summary is not empty');
      assert.ok(/Please add a test|retry timeout/.test(editorText) || format === 'csv' || format === 'json', 'the moved comments are in the period');
      assert.equal(cliText, editorText);
    });
  }
});
