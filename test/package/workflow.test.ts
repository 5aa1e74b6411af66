// The scheduled team-summaries workflow (examples/team-summaries.yml, see
// docs/team-summaries.md), its own steps run as a script against the sandbox
// GitHub: install the CLI from the tarball, sync the team with the token from
// "secrets", export Markdown and HTML, keep the journals in the cache. A second
// week's run restores them and syncs incrementally.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateDataset, startSandbox, type Sandbox } from '../../sandbox';
import { cliTarball, ROOT } from './build';
import { readWorkflow, runJob, type Contexts, type JobResult } from './workflowRunner';

const WORKFLOW = join(ROOT, 'examples/team-summaries.yml');
const TEAM = ['priya-dev', 'sam-lee', 'marco-rossi'];
const WEEK_END = '2026-10-31';

describe('the team-summaries workflow, run against the sandbox', () => {
  let tmp: string;
  let sandbox: Sandbox;
  let token: string;
  const runs: JobResult[] = [];

  function run(runId: string): Promise<JobResult> {
    const ctx: Contexts = {
      vars: { REVIEW_MENTOR_TEAM: TEAM.join(','), REVIEW_MENTOR_GITHUB_URL: sandbox.url, REVIEW_MENTOR_CLI: cliTarball() },
      secrets: { REVIEW_MENTOR_TOKEN: token },
      inputs: { to: WEEK_END },
      github: { run_id: runId },
    };
    const baseEnv = {
      // A runner's tools (bash, date, mkdir) and this Node; npm installs "globally" into a temporary prefix, offline.
      PATH: [join(tmp, 'prefix', 'bin'), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
      HOME: join(tmp, 'home'),
      NPM_CONFIG_PREFIX: join(tmp, 'prefix'),
      NPM_CONFIG_CACHE: join(tmp, 'npm-cache'),
      NPM_CONFIG_OFFLINE: 'true',
      LANG: 'C.UTF-8',
    };
    return runJob({ workflow: WORKFLOW, jobId: 'summaries', workspace: join(tmp, `run-${runId}`, 'workspace'), cacheDir: join(tmp, 'cache'), ctx, baseEnv });
  }

  const step = (r: JobResult, name: RegExp) => r.steps.find((s) => name.test(s.name))!;
  const explain = (r: JobResult) => r.steps.map((s) => `## ${s.name} (${s.skipped ? 'skipped' : s.status})\n${s.stdout}${s.stderr}`).join('\n');

  before(async function () {
    this.timeout(600_000);
    tmp = mkdtempSync(join(tmpdir(), 'rm-workflow-'));
    mkdirSync(join(tmp, 'home'));
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 120 }) });
    token = sandbox.tokenFor('priya-dev');
    runs.push(await run('101'));
  });
  after(async () => {
    await sandbox?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('is scheduled weekly, reads only, and passes the token to the sync step alone', () => {
    const wf = readWorkflow(WORKFLOW) as unknown as {
      on: { schedule: { cron: string }[] };
      permissions: Record<string, string>;
      jobs: { summaries: { env: Record<string, string>; steps: { run?: string; env?: Record<string, string>; uses?: string }[] } };
    };
    assert.match(wf.on.schedule[0]!.cron, /^\d+ \d+ \* \* [0-6]$/, 'once a week');
    assert.deepEqual(wf.permissions, { contents: 'read' });
    const job = wf.jobs.summaries;
    const withSecret = job.steps.filter((s) => JSON.stringify(s).includes('secrets.'));
    assert.equal(withSecret.length, 1);
    assert.match(withSecret[0]!.run ?? '', /review-mentor sync/);
    assert.ok(!JSON.stringify(job.env).includes('secrets.'), 'no secret in the job environment');
    for (const s of job.steps) if (s.uses) assert.match(s.uses, /^actions\/[\w/-]+@v\d+$/, `${s.uses} is a pinned official action`);
  });

  it('installs the CLI, syncs the team and uploads Markdown and HTML summaries', () => {
    const [first] = runs;
    assert.ok(first!.ok, explain(first!));
    assert.match(step(first!, /Install/).stdout, /^0\.\d+\.\d+$/m, 'review-mentor --version ran');
    const synced = step(first!, /Sync/).stdout.trim().split('\n');
    assert.equal(synced.length, TEAM.length, explain(first!));
    for (const [i, login] of TEAM.entries()) assert.match(synced[i]!, new RegExp(`^Synced ${login}@127\\.0\\.0\\.1:\\d+: \\d+ PRs, [1-9]\\d* comments added`));

    assert.deepEqual(first!.artifacts.map((a) => a.name), [`team-summaries-${WEEK_END}`]);
    const expected = ['team', ...TEAM].flatMap((who) => [`summaries/${who}-${WEEK_END}.html`, `summaries/${who}-${WEEK_END}.md`]).sort();
    assert.deepEqual(first!.artifacts[0]!.files, expected);
    const workspace = join(tmp, 'run-101', 'workspace');
    const team = readFileSync(join(workspace, `summaries/team-${WEEK_END}.md`), 'utf8');
    assert.match(team, new RegExp(`^# Team review summary: ${TEAM.join(', ')}\n`));
    assert.match(team, /## Team at a glance/);
    assert.match(readFileSync(join(workspace, `summaries/priya-dev-${WEEK_END}.md`), 'utf8'), /^# Review summary: priya-dev\n/);
    assert.match(team, /2026-10-25 to 2026-10-31/, 'the week that ended on the given day');
    for (const login of TEAM) assert.ok(team.includes(login), `the team summary names ${login}`);
    assert.match(readFileSync(join(workspace, `summaries/team-${WEEK_END}.html`), 'utf8'), /^<!doctype html>/i);
  });

  it('never prints or writes the token', () => {
    const out = runs.flatMap((r) => r.steps.map((s) => s.stdout + s.stderr)).join('\n');
    assert.ok(!out.includes(token));
    for (const file of runs[0]!.artifacts[0]!.files) assert.ok(!readFileSync(join(tmp, 'run-101', 'workspace', file), 'utf8').includes(token), file);
  });

  it('next week restores the journals from the cache and syncs only what changed', async function () {
    this.timeout(600_000);
    const second = await run('102');
    runs.push(second);
    assert.ok(second.ok, explain(second));
    assert.match(step(second, /Restore/).stdout, /restored review-mentor-journals-101/);
    const synced = step(second, /Sync/).stdout.trim().split('\n');
    for (const [i, login] of TEAM.entries()) assert.match(synced[i]!, new RegExp(`^Synced ${login}@\\S+: \\d+ PRs, 0 comments added, 0 updated, 0 deleted, 1 requests, GraphQL cost \\d+$`));
  });
});
