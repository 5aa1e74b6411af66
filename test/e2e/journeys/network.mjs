// Company network journey: the sandbox GitHub over HTTPS with a certificate
// from a private authority made for this run, reachable only through a
// forwarding proxy (its host name is under .test and never resolves). VS Code
// gets the proxy from the `http.proxy` setting and trusts the authority
// because it is in the system's CA bundle (`http.systemCertificates`; the
// harness shows code-server a bundle with it added, leaving the machine's
// alone); the extension syncs through both. Then the proxy starts refusing
// (as one wanting a login does), and sync says so.
import assert from 'node:assert/strict';
import { generateDataset } from '../../../src/demo/generate.ts';
import { SANDBOX_HOSTNAME, startCompanyNetwork } from '../../../sandbox/network.ts';

export const name = 'company-network';
// The proxy is made to refuse on purpose: sync logs that it failed, and why.
export const expectedErrors = [/Sync of priya-dev failed: the proxy refused the connection/];
export const timeoutMs = 240_000; // as the other journeys: a loaded machine can double the ~60 s it takes

export default async function (h) {
  const today = new Date().toISOString().slice(0, 10);
  const net = await startCompanyNetwork({ data: generateDataset({ prs: 80, baseDate: `${today}T00:00:00Z` }) });
  try {
    h.addSystemCertificate(net.ca.certPem);
    h.env.NODE_EXTRA_CA_CERTS = ''; // trust comes from the system bundle alone
    h.env.REVIEW_MENTOR_TOKEN = 'sandbox-token-priya-dev';
    await h.settings({ 'reviewMentor.github.serverUrl': net.sandbox.url, 'http.proxy': net.proxy.url, 'reviewMentor.sync.intervalMinutes': 0 });

    await h.openWorkbench();
    await h.openViewContainer('Review Mentor');
    await h.waitForLog(/Synced priya-dev: \d+ PRs, [1-9]\d* new/, 60_000);
    await h.view('Feedback').locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
    await h.screenshot('synced-through-proxy');

    const tunnel = `${SANDBOX_HOSTNAME}:${net.sandbox.port}`;
    assert.ok(net.proxy.connects.length >= 1, 'the proxy saw a CONNECT');
    assert.ok(net.proxy.connects.every((c) => c === tunnel), `every tunnel went to the sandbox: ${net.proxy.connects.join(', ')}`);
    assert.ok(net.sandbox.requests().some((r) => r.kind === 'graphql' && r.status === 200 && r.operationName === 'ReviewMentorFeedback'));
    assert.ok(h.globalStorageFiles().some((f) => f.startsWith(`journals/${SANDBOX_HOSTNAME}`)), h.globalStorageFiles().join('\n'));

    // The company's proxy now wants a login: sync names the proxy, not GitHub.
    net.proxy.setRefusing(true);
    const asked = net.proxy.connects.length;
    await h.runCommand('Review Mentor: Sync');
    await h.waitForNotification(/the proxy refused the connection to github\.review-mentor\.test:\d+ \(HTTP 407/i, 30_000);
    assert.ok(net.proxy.connects.length > asked, 'sync asked the proxy again');
    await h.screenshot('proxy-refused');
  } finally {
    await net.close();
  }
}
