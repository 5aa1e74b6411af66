// Runs a GitHub Actions job on this machine, close enough to a runner to test
// a workflow's own steps: `run:` steps in bash (`bash -e`, as Actions does)
// with the job's and the step's env, `$GITHUB_ENV`, `if: always()`, and the
// few actions the team-summaries workflow uses, stood in for:
// setup-node (the Node running this), cache restore/save (a folder per key),
// upload-artifact (the files are listed). Expressions `${{ ... }}` may be a
// context path (`vars.X`, `secrets.X`, `github.run_id`, `inputs.X`,
// `env.X`) or `a || 'literal'`; anything else is an error, so the workflow
// stays within what this runner understands.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

export interface Contexts {
  vars: Record<string, string>;
  secrets: Record<string, string>;
  inputs: Record<string, string>;
  github: Record<string, string>;
}

export interface StepResult {
  name: string;
  skipped: boolean;
  status: number;
  stdout: string;
  stderr: string;
}

export interface JobResult {
  ok: boolean;
  steps: StepResult[];
  artifacts: { name: string; files: string[] }[];
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
  if?: string;
}

export function readWorkflow(file: string): { on: unknown; permissions: unknown; jobs: Record<string, { env?: Record<string, string>; steps: Step[] }> } {
  return parse(readFileSync(file, 'utf8'));
}

/** Evaluates every `${{ expr }}` in `text`. */
export function evaluate(text: string, ctx: Contexts & { env: Record<string, string> }): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    for (const operand of expr.split('||').map((s) => s.trim())) {
      const literal = /^'(.*)'$/.exec(operand);
      const value = literal ? literal[1]! : lookUp(operand, ctx);
      if (value) return value;
    }
    return '';
  });
}

function lookUp(path: string, ctx: Contexts & { env: Record<string, string> }): string {
  const m = /^(vars|secrets|inputs|github|env)\.([A-Za-z_][\w-]*)$/.exec(path);
  if (!m) throw new Error(`the test runner does not understand the expression "${path}"`);
  return ctx[m[1] as keyof typeof ctx][m[2]!] ?? '';
}

/** Asynchronous, so a server in this process (the sandbox) keeps answering while the step runs. */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', (err) => resolve({ status: 127, stdout, stderr: stderr + String(err) }));
    child.on('close', (code) => resolve({ status: code ?? 1, stdout, stderr }));
  });
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/**
 * Runs job `jobId` of the workflow in `workspace`. `cacheDir` holds the
 * caches between runs; `baseEnv` is the machine's environment (PATH, HOME...).
 */
export async function runJob(o: { workflow: string; jobId: string; workspace: string; cacheDir: string; ctx: Contexts; baseEnv: NodeJS.ProcessEnv }): Promise<JobResult> {
  const wf = readWorkflow(o.workflow);
  const job = wf.jobs[o.jobId];
  if (!job) throw new Error(`no job ${o.jobId}`);
  mkdirSync(o.workspace, { recursive: true });
  const githubEnvFile = join(o.workspace, '..', `github-env-${o.ctx.github['run_id']}`);
  writeFileSync(githubEnvFile, '');
  const envCtx: Record<string, string> = {};
  const ctx = { ...o.ctx, github: { ...o.ctx.github, workspace: o.workspace }, env: envCtx };
  for (const [k, v] of Object.entries(job.env ?? {})) envCtx[k] = evaluate(String(v), ctx);
  const steps: StepResult[] = [];
  const artifacts: JobResult['artifacts'] = [];
  let failed = false;
  for (const step of job.steps) {
    const name = step.name ?? step.uses ?? 'run';
    const always = step.if?.trim() === 'always()';
    if (step.if && !always) throw new Error(`the test runner does not understand if: ${step.if}`);
    if (failed && !always) {
      steps.push({ name, skipped: true, status: 0, stdout: '', stderr: '' });
      continue;
    }
    // Values a step set with $GITHUB_ENV are in env.* from the next step on.
    for (const line of readFileSync(githubEnvFile, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) envCtx[line.slice(0, eq)] = line.slice(eq + 1);
    }
    const withArgs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(String(v), ctx)]));
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(String(v), ctx)]));
    let result: StepResult = { name, skipped: false, status: 0, stdout: '', stderr: '' };
    if (step.run) {
      const env = { ...o.baseEnv, ...envCtx, ...stepEnv, GITHUB_ENV: githubEnvFile, GITHUB_WORKSPACE: o.workspace, CI: 'true' };
      result = { name, skipped: false, ...(await bash(evaluate(step.run, ctx), o.workspace, env)) };
    } else if (step.uses?.startsWith('actions/setup-node@')) {
      // The Node running this test.
    } else if (step.uses?.startsWith('actions/cache/restore@')) {
      const prefixes = [withArgs['key']!, ...(withArgs['restore-keys'] ?? '').split('\n').map((s) => s.trim()).filter(Boolean)];
      const keys = existsSync(o.cacheDir) ? readdirSync(o.cacheDir).sort().reverse() : [];
      const hit = prefixes.map((p) => keys.find((k) => k === p || k.startsWith(p))).find(Boolean);
      if (hit) cpSync(join(o.cacheDir, hit), join(o.workspace, withArgs['path']!), { recursive: true });
      result.stdout = hit ? `restored ${hit}` : 'cache miss';
    } else if (step.uses?.startsWith('actions/cache/save@')) {
      const from = join(o.workspace, withArgs['path']!);
      if (existsSync(from)) {
        rmSync(join(o.cacheDir, withArgs['key']!), { recursive: true, force: true });
        cpSync(from, join(o.cacheDir, withArgs['key']!), { recursive: true });
      }
    } else if (step.uses?.startsWith('actions/upload-artifact@')) {
      const dir = join(o.workspace, withArgs['path']!);
      const files = listFiles(dir).map((f) => relative(o.workspace, join(dir, f)));
      if (files.length === 0 && withArgs['if-no-files-found'] === 'error') result = { ...result, status: 1, stderr: `no files in ${withArgs['path']}` };
      artifacts.push({ name: withArgs['name']!, files });
    } else {
      throw new Error(`the test runner has no stand-in for ${step.uses}`);
    }
    steps.push(result);
    if (result.status !== 0) failed = true;
  }
  return { ok: !failed, steps, artifacts };
}
