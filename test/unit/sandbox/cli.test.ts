import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataFile, startFromArgs } from '../../../sandbox/cli';
import { CliError } from '../../../src/cli/command';
import { generateDataset } from '../../../src/demo/generate';
import { gql } from './helpers';

describe('sandbox: CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rm-sandbox-'));

  it('serves a --data file and prints the URL and the demo token', async () => {
    const data = generateDataset({ seed: 4, prs: 12 });
    data.pullRequests[0]!.title = 'A title only this file has';
    const file = join(dir, 'data.json');
    writeFileSync(file, JSON.stringify(data));
    const started = await startFromArgs(['--port', '0', '--data', file]);
    assert.ok('sandbox' in started);
    try {
      assert.match(started.banner, new RegExp(started.sandbox.url.replace(/\./g, '\\.')));
      assert.match(started.banner, /demo-token/);
      const r = await gql(started.sandbox, `{ search(query: "is:pr", type: ISSUE, first: 50) { issueCount nodes { ... on PullRequest { title } } } }`);
      assert.equal(r.data.search.issueCount, 12);
      assert.ok(r.data.search.nodes.some((n: any) => n.title === 'A title only this file has'));
    } finally {
      await started.sandbox.close();
    }
  });

  it('rejects a bad --data file with a message naming the field', async () => {
    const data = generateDataset({ seed: 4, prs: 3 }) as any;
    data.pullRequests[1].threads = [{ ...data.pullRequests[0].threads[0], line: 'ten' }];
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(data));
    await assert.rejects(loadDataFile(file), (err: unknown) => err instanceof CliError && /pullRequests\[1\]\.threads\[0\]\.line/.test(err.message));
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    await assert.rejects(loadDataFile(join(dir, 'broken.json')), /not valid JSON/);
    await assert.rejects(loadDataFile(join(dir, 'missing.json')), /cannot read --data file .*ENOENT/);
  });

  it('rejects duplicate ids and bad numbers', async () => {
    const data = generateDataset({ seed: 4, prs: 3 });
    data.pullRequests[1]!.id = data.pullRequests[0]!.id;
    const file = join(dir, 'dup.json');
    writeFileSync(file, JSON.stringify(data));
    await assert.rejects(loadDataFile(file), /duplicate id/);
    await assert.rejects(startFromArgs(['--port', '70000']), (err: unknown) => err instanceof CliError && err.exitCode === 2);
    await assert.rejects(startFromArgs(['--bogus']), (err: unknown) => err instanceof CliError && err.exitCode === 2);
  });
});
