// The command line meets local faults: one plain line, a non-zero exit, the
// journal files as they were. The CLI is spawned as a user runs it; the
// read-only folder test runs it as the unprivileged user `nobody` when this
// machine runs the tests as root (root ignores file permissions).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startSandbox, generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import { JournalStore, journalPaths, shardOf } from '../../../src/store';
import { feedback } from './helpers';
import { snapshotTree, tempFiles } from './faultsHelpers';

const REPO = path.resolve(__dirname, '../../..');
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], opts: { uid?: number; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: REPO,
      env: { ...process.env, HOME: tmpdir(), ...opts.env },
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** stderr without the line that says where the journals are. */
const problemLines = (r: Run) => r.stderr.split('\n').filter((l) => l && !/^review-mentor: journals in /.test(l));

describe('CLI: local faults', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  let root: string;
  let host: string;
  before(async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 20 }) });
    host = new URL(sandbox.url).host;
  });
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'rm-cli-faults-'));
    chmodSync(root, 0o755);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  after(() => sandbox.close());

  const syncArgs = () => ['sync', '--engineer', DEMO_VIEWER, '--github-url', sandbox.url, '--journal-dir', root, '--token-env', 'RM_TEST_TOKEN'];
  const token = () => ({ RM_TEST_TOKEN: sandbox.tokenFor(DEMO_VIEWER) });

  async function seed(): Promise<void> {
    const h = await new JournalStore({ rootDir: root, shardCount: 4 }).open({ login: DEMO_VIEWER, host });
    await h.upsertFeedback([feedback('seed-1', 1), feedback('seed-2', 2)], { syncedUntil: '2020-01-01T00:00:00.000Z' });
  }

  it(`a journal folder it may not write (${asRoot ? 'run as the user nobody' : 'chmod a-w, run as this user'}): one plain line, exit 1, files untouched, no temp file`, async () => {
    await seed();
    const p = journalPaths(root, { login: DEMO_VIEWER, host });
    if (!asRoot) for (const d of [p.shardDir, p.dir]) chmodSync(d, 0o555);
    const before = await snapshotTree(root);
    const r = await cli(syncArgs(), { env: token(), ...(asRoot ? { uid: NOBODY } : {}) });
    if (!asRoot) for (const d of [p.dir, p.shardDir]) chmodSync(d, 0o755);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(problemLines(r), [
      `review-mentor: Review Mentor cannot save in ${p.dir}: permission denied. Make the folder writable for your user account, or choose another journal folder (setting reviewMentor.journal.folder; --journal-dir for the command line).`,
    ]);
    assert.deepEqual(await snapshotTree(root), before, 'every file as it was');
    assert.deepEqual(tempFiles(before), []);
  });

  it('a corrupt main journal: sync sets it aside, says so once, and exits 1 naming where it went', async () => {
    await seed();
    const p = journalPaths(root, { login: DEMO_VIEWER, host });
    writeFileSync(p.main, '{"schemaVersion": 2, "engineer": {');
    const r = await cli(syncArgs(), { env: token() });
    assert.equal(r.code, 1, r.stderr);
    const moved = problemLines(r).filter((l) => l.includes('was moved to'));
    assert.equal(moved.length, 1, `said once:\n${r.stderr}`);
    const movedTo = /was moved to (\S+) and a new journal was started/.exec(moved[0]!)?.[1];
    assert.ok(movedTo, moved[0]);
    assert.equal(readFileSync(movedTo, 'utf8'), '{"schemaVersion": 2, "engineer": {', 'the damaged file is kept byte for byte');
    assert.equal(problemLines(r).at(-1), `review-mentor: the journal of ${DEMO_VIEWER} was damaged and set aside as ${movedTo}; its notes, goals and hand-set tags are in that file.`);
    assert.match(r.stdout, /^Synced /, 'the sync itself went through');
  });

  it('a shard of valid JSON but the wrong shape: export names it, exits 1, and moves nothing', async () => {
    await seed();
    const p = journalPaths(root, { login: DEMO_VIEWER, host });
    const shard = p.shard(shardOf(feedback('seed-1', 1).prUrl, 4));
    writeFileSync(shard, '{"shard": 0, "of": 4, "feedback": "nope"}');
    const before = await snapshotTree(root);
    const r = await cli(['export', '--engineer', DEMO_VIEWER, '--host', host, '--format', 'md', '--journal-dir', root]);
    assert.equal(r.code, 1, r.stderr);
    const lines = problemLines(r);
    assert.equal(lines.length, 1, r.stderr);
    assert.ok(lines[0]!.startsWith(`review-mentor: The journal of ${DEMO_VIEWER} could not be read, so nothing was exported: Part of the Review Mentor journal of ${DEMO_VIEWER} (${host}), ${shard}, could not be read because it is valid JSON but not a journal file (its "feedback" is not a map of comments). It was left as it is`), lines[0]);
    assert.deepEqual(await snapshotTree(root), before, 'an export changes nothing');
    assert.equal(r.stdout, '');
  });
});
