// Company networks in plain Node: `review-mentor sync` against the sandbox
// served over HTTPS with a certificate from a private authority made here,
// reachable only through a forwarding proxy (its host name never resolves).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import command from '../../../src/cli/sync';
import { CliError } from '../../../src/cli/command';
import { generateDataset, startSandbox, DEMO_VIEWER } from '../../../sandbox';
import { SANDBOX_HOSTNAME, startCompanyNetwork, startForwardProxy, type CompanyNetwork } from '../../../sandbox/network';

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

describe('company networks: CLI sync through a proxy, with a private certificate authority', function () {
  this.timeout(60_000);
  let net: CompanyNetwork;
  let dir: string;
  let caFile: string;
  before(async () => {
    net = await startCompanyNetwork({ data: generateDataset({ prs: 30 }) });
    dir = mkdtempSync(join(tmpdir(), 'rm-net-'));
    caFile = join(dir, 'company-ca.pem');
    writeFileSync(caFile, net.ca.certPem);
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await net.close();
  });
  beforeEach(() => net.proxy.connects.splice(0));

  const tunnel = () => `${SANDBOX_HOSTNAME}:${net.sandbox.port}`;

  /** Runs `review-mentor sync` in this process with `env` (proxy variables cleared unless given). */
  async function sync(extra: string[], env: Record<string, string | undefined>): Promise<{ code?: number; out: string; error?: unknown }> {
    const all: Record<string, string | undefined> = { ...Object.fromEntries(PROXY_VARS.map((k) => [k, undefined])), RM_NET_TOKEN: net.sandbox.tokenFor(DEMO_VIEWER), ...env };
    const saved = Object.fromEntries(Object.keys(all).map((k) => [k, process.env[k]]));
    for (const [k, v] of Object.entries(all)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    const write = process.stdout.write;
    let out = '';
    process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
    try {
      return { code: await command.run(['--engineer', DEMO_VIEWER, '--github-url', net.sandbox.url, '--journal-dir', dir, '--token-env', 'RM_NET_TOKEN', ...extra]), out };
    } catch (error) {
      return { out, error };
    } finally {
      process.stdout.write = write;
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }

  it('syncs through HTTPS_PROXY with --ca-file; the proxy carried every request', async () => {
    const r = await sync(['--ca-file', caFile], { HTTPS_PROXY: net.proxy.url });
    assert.equal(r.code, 0, String(r.error));
    assert.match(r.out, new RegExp(`^Synced priya-dev@${SANDBOX_HOSTNAME.replace(/\./g, '\\.')}:\\d+: \\d+ PRs, [1-9]\\d* comments added`));
    assert.ok(net.proxy.connects.length >= 1, 'the proxy saw a CONNECT');
    assert.ok(net.proxy.connects.every((c) => c === tunnel()), net.proxy.connects.join(', '));
    assert.ok(net.sandbox.requests().some((q) => q.kind === 'graphql' && q.status === 200));
    assert.ok(readdirSync(dir).some((d) => d.startsWith(SANDBOX_HOSTNAME)), `journal folder named after the host: ${readdirSync(dir).join(', ')}`);
  });

  it('without the authority: fails at once with the certificate message (exit 4), not after retries', async () => {
    const started = Date.now();
    const r = await sync([], { HTTPS_PROXY: net.proxy.url, NODE_EXTRA_CA_CERTS: undefined });
    assert.ok(r.error instanceof CliError, String(r.error));
    assert.equal(r.error.exitCode, 4);
    assert.equal(r.error.message, `the certificate of ${SANDBOX_HOSTNAME} is not trusted: set NODE_EXTRA_CA_CERTS or --ca-file`);
    assert.equal(net.proxy.connects.length, 1, 'one attempt: a certificate does not mend on retry');
    assert.ok(Date.now() - started < 5000);
  });

  it('a proxy that refuses the tunnel is named as such (exit 4), once', async () => {
    const refusing = await startForwardProxy({ refuse: true });
    try {
      const r = await sync(['--ca-file', caFile], { HTTPS_PROXY: refusing.url });
      assert.ok(r.error instanceof CliError, String(r.error));
      assert.equal(r.error.exitCode, 4);
      assert.match(r.error.message, new RegExp(`^the proxy refused the connection to ${SANDBOX_HOSTNAME}:\\d+ \\(HTTP 407 Proxy Authentication Required\\): it asks for a user name and password`));
      assert.ok(r.error.message.includes(`(proxy ${refusing.url}, from HTTPS_PROXY/HTTP_PROXY)`), r.error.message);
      assert.equal(refusing.connects.length, 1);
    } finally {
      await refusing.close();
    }
  });

  it('a proxy that is not there is named, with its address', async () => {
    const gone = await startForwardProxy();
    await gone.close();
    const r = await sync(['--ca-file', caFile], { HTTPS_PROXY: gone.url });
    assert.ok(r.error instanceof CliError, String(r.error));
    assert.equal(r.error.exitCode, 4);
    assert.match(r.error.message, new RegExp(`^could not connect to the proxy at 127\\.0\\.0\\.1:${new URL(gone.url).port} \\(connection refused\\)`));
  });

  it('NO_PROXY sends the host direct (where its name does not resolve); lower-case https_proxy works too', async () => {
    const r = await sync(['--ca-file', caFile], { https_proxy: net.proxy.url, NO_PROXY: `.review-mentor.test` });
    assert.ok(r.error instanceof CliError, String(r.error));
    assert.match(r.error.message, /Could not reach GitHub at .*\(host not found\)/);
    assert.equal(net.proxy.connects.length, 0);
    const viaLowerCase = await sync(['--ca-file', caFile], { https_proxy: net.proxy.url });
    assert.equal(viaLowerCase.code, 0, String(viaLowerCase.error));
    assert.ok(net.proxy.connects.length >= 1);
  });

  it('loopback goes direct whatever HTTPS_PROXY/HTTP_PROXY say, as in VS Code', async () => {
    const local = await startSandbox({ data: generateDataset({ prs: 5 }) });
    const gone = await startForwardProxy();
    await gone.close();
    try {
      const env = { HTTP_PROXY: gone.url, HTTPS_PROXY: gone.url, RM_NET_TOKEN: local.tokenFor(DEMO_VIEWER) };
      const r = await sync(['--github-url', local.url, '--journal-dir', mkdtempSync(join(dir, 'loop-'))], env);
      assert.equal(r.code, 0, String(r.error));
    } finally {
      await local.close();
    }
  });

  it('--ca-file that cannot be read or holds no certificate -> exit 2', async () => {
    const missing = await sync(['--ca-file', join(dir, 'nope.pem')], {});
    assert.ok(missing.error instanceof CliError && missing.error.exitCode === 2 && /cannot read --ca-file .*nope\.pem: ENOENT/.test(missing.error.message), String(missing.error));
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    const empty = await sync(['--ca-file', junk], {});
    assert.ok(empty.error instanceof CliError && empty.error.exitCode === 2 && /holds no PEM certificate/.test(empty.error.message), String(empty.error));
  });

  it('NODE_EXTRA_CA_CERTS is honoured (a fresh process, as Node reads it at start)', async () => {
    const journals = mkdtempSync(join(dir, 'extra-'));
    const r = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../../../src/cli/main.ts'), 'sync', '--engineer', DEMO_VIEWER, '--github-url', net.sandbox.url, '--journal-dir', journals, '--token-env', 'RM_NET_TOKEN'],
      {
        encoding: 'utf8',
        timeout: 50_000,
        env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !PROXY_VARS.includes(k))), RM_NET_TOKEN: net.sandbox.tokenFor(DEMO_VIEWER), HTTPS_PROXY: net.proxy.url, NODE_EXTRA_CA_CERTS: caFile },
      },
    );
    assert.match(r.stdout, /^Synced priya-dev@/, r.stderr);
    assert.ok(net.proxy.connects.includes(tunnel()));
  });
});
