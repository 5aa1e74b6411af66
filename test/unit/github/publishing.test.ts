// Publishing a tag marker never undoes an edit made on GitHub: the live body
// is read first, the marker goes on the live body, and a comment changed since
// the last sync is refused with a clear message.
import assert from 'node:assert/strict';
import { startSandbox, generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import { readMarkers } from '../../../src/core/markers';
import { syncEngineer } from '../../../src/github/sync';
import { CommentChangedError, publishMarker } from '../../../src/github/publishing';
import { recordingLogger, sandboxClient, tempJournal } from './helpers';

const engineer = { login: DEMO_VIEWER, host: '127.0.0.1' };
const testing = [{ group: 'technical' as const, category: 'testing' }];

describe('github/publishing: markers on the live body', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 60 }) });
  });
  after(() => sandbox.close());

  it('publishes on an unchanged comment, and again after its own edit; refuses once the author edited it on GitHub', async () => {
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      await syncEngineer({ client, handle: j.handle, engineer });
      const mine = Object.values((await j.handle.load()).feedback).filter((f) => f.reviewer === DEMO_VIEWER && f.kind === 'review-comment');
      const [a, b] = mine;
      assert.ok(a && b);
      const onGitHub = (id: string) => sandbox.dataset.pullRequests.flatMap((p) => p.threads.flatMap((t) => t.comments)).find((c) => c.id === id)!;

      const saved = await publishMarker(client, a, testing);
      assert.deepEqual(readMarkers(onGitHub(a.id).body).map((m) => m.category), ['testing']);
      assert.equal(saved.body, onGitHub(a.id).body);
      assert.equal(saved.updatedAt, onGitHub(a.id).updatedAt);
      // The journal keeps GitHub's new body and time: publishing again is not mistaken for a conflict.
      await publishMarker(client, { ...a, body: saved.body, updatedAt: saved.updatedAt }, [...testing, { group: 'technical', category: 'design' }]);
      assert.deepEqual(readMarkers(onGitHub(a.id).body).map((m) => m.category).sort(), ['design', 'testing']);

      // The author fixes a typo on GitHub after the last sync.
      await new Promise((r) => setTimeout(r, 5));
      sandbox.editComment(b.id, `${b.body} (typo fixed)`);
      await assert.rejects(publishMarker(client, b, testing), (err: unknown) => err instanceof CommentChangedError && /edited on GitHub since the last sync/.test(err.message) && err.message.includes(b.url));
      assert.equal(onGitHub(b.id).body, `${b.body} (typo fixed)`, 'the edit on GitHub is intact');
    } finally {
      j.dispose();
    }
  });
});
