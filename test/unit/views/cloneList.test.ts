// Past feedback finds the clone of a repository even when the git extension
// reported it before reading its remotes, and looks again after a change.
import { strict as assert } from 'node:assert';
import { CloneCache, listClones, remotesInGitConfig } from '../../../src/features/pastFeedback/cloneList';

const CONFIG = '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:acme/payments-api.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n';

describe('past feedback: workspace clones', () => {
  it('a repository the git extension reports without remotes yet is read from its .git/config', async () => {
    const read: string[] = [];
    const clones = await listClones([{ root: 'file:///w/pay', remotes: [] }, { root: 'file:///w/web', remotes: ['https://github.com/acme/web.git'] }], ['file:///w/pay', 'file:///w/docs'], async (root) => {
      read.push(root);
      return root.endsWith('/pay') ? remotesInGitConfig(CONFIG) : [];
    });
    assert.deepEqual(clones, [
      { root: 'file:///w/pay', remotes: ['git@github.com:acme/payments-api.git'] },
      { root: 'file:///w/web', remotes: ['https://github.com/acme/web.git'] },
    ]);
    assert.deepEqual(read, ['file:///w/pay', 'file:///w/docs'], 'the git extension is trusted where it knows the remotes');
  });

  it('the list is kept until a change event, then computed again', async () => {
    let runs = 0;
    const cache = new CloneCache(async () => ++runs);
    assert.equal(await cache.get(), 1);
    assert.equal(await cache.get(), 1);
    cache.invalidate(); // a repository opened, or its remotes changed
    assert.equal(await cache.get(), 2);
  });
});
