// Per-engineer isolation and the one-window-at-a-time lease.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syncEveryone } from '../../../src/features/sync/syncAll';
import { AuthError, GraphQLRequestError } from '../../../src/github/errors';
import type { SyncResult } from '../../../src/github/sync';
import { JournalReadOnlyError, JournalStore } from '../../../src/store';

const e = (login: string) => ({ login, host: 'github.com' });
const ok = { prs: 1 } as SyncResult;

describe('sync: every engineer fails alone', () => {
  it('a renamed login and a read-only journal are reported for their engineer; the others still sync', async () => {
    const synced: string[] = [];
    const errors: string[] = [];
    const outcomes = await syncEveryone([e('renamed'), e('ana'), e('readonly'), e('bo')], {
      syncOne: async (x) => {
        if (x.login === 'renamed') throw new GraphQLRequestError('ReviewMentorFeedback', [{ message: "The listed users cannot be searched either because the users don't exist or you don't have permission to view the users." }]);
        if (x.login === 'readonly') throw new JournalReadOnlyError('written by a newer version');
        synced.push(x.login);
        return ok;
      },
      onError: (x, m) => errors.push(`${x.login}: ${m}`),
    });
    assert.deepEqual(synced, ['ana', 'bo']);
    assert.deepEqual(outcomes.map((o) => `${o.engineer.login}:${o.kind}`), ['renamed:failed', 'ana:synced', 'readonly:failed', 'bo:synced']);
    assert.match(errors[0]!, /^renamed: .*cannot be searched/);
    assert.match(errors[1]!, /^readonly: written by a newer version/);
  });

  it('a refused sign-in stops everyone', async () => {
    const synced: string[] = [];
    await assert.rejects(
      syncEveryone([e('a'), e('b')], {
        syncOne: async (x) => {
          if (x.login === 'a') throw new AuthError();
          synced.push(x.login);
          return ok;
        },
      }),
      AuthError,
    );
    assert.deepEqual(synced, []);
  });
});

describe('sync: one window at a time (lease next to the journal)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rm-lease-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a second window skips an engineer whose lease another window holds, and takes it once released or expired', async () => {
    const store = new JournalStore({ rootDir: dir });
    const a = store.syncLease(e('ana'), 'window-a', 'window A', 60_000);
    const b = store.syncLease(e('ana'), 'window-b', 'window B', 60_000);
    assert.deepEqual(await a.acquire(), { ok: true });
    assert.deepEqual(await a.acquire(), { ok: true }, 'renewed by its holder');
    const refused = await b.acquire();
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.holder, 'window A');

    let ran = 0;
    const outcomes = await syncEveryone([e('ana')], { syncOne: async () => (ran++, ok), lease: () => b });
    assert.equal(ran, 0);
    assert.deepEqual(outcomes.map((o) => o.kind), ['elsewhere']);

    await a.release();
    const after = await syncEveryone([e('ana')], { syncOne: async () => (ran++, ok), lease: () => b });
    assert.equal(ran, 1);
    assert.deepEqual(after.map((o) => o.kind), ['synced']);
    assert.deepEqual(await a.acquire(), { ok: true }, 'released after the sync');

    const short = store.syncLease(e('bo'), 'window-a', 'window A', 1);
    await short.acquire();
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(await store.syncLease(e('bo'), 'window-b', 'window B').acquire(), { ok: true }, 'an expired lease is taken over');
    assert.deepEqual(await store.list(), [], 'lease files are not journals');
  });
});
