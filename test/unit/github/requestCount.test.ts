// The sync summary's request count is what went over the wire: retries count.
import assert from 'node:assert/strict';
import { startSandbox, generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import { syncEngineer } from '../../../src/github/sync';
import { recordingLogger, sandboxClient, tempJournal } from './helpers';

describe('github/sync request count', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 20 }) });
  });
  after(() => sandbox.close());

  it('includes retries after 502s', async () => {
    const engineer = { login: DEMO_VIEWER, host: '127.0.0.1' };
    const j = await tempJournal(engineer);
    try {
      sandbox.injectFault({ kind: 'server-error', status: 502, times: 2 });
      sandbox.resetRequests();
      const r = await syncEngineer({ client: sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger()), handle: j.handle, engineer });
      const served = sandbox.requests();
      assert.deepEqual(served.slice(0, 2).map((q) => q.status), [502, 502]);
      assert.equal(r.requests, served.length, 'every request the server saw, the two failed ones included');
    } finally {
      sandbox.clearFaults();
      j.dispose();
    }
  });
});
