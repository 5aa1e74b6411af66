// The extension's and CLI's bundles leave out @octokit/rest's generated REST
// method table (build/octokit-rest-methods-slim.mjs): src must reach GitHub
// through octokit.request only, and a generated method fails loudly.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { Octokit } from '@octokit/rest';
import { tsFiles } from '../core/l10nRules';
// @ts-expect-error: a plain ES module of the build, without types
import { legacyRestEndpointMethods, restEndpointMethods } from '../../../build/octokit-rest-methods-slim.mjs';

const GENERATED_METHOD = /\.rest\.\w+\.\w+|\boctokit\.(actions|apps|checks|git|issues|orgs|pulls|repos|search|users)\.\w+\(/;

describe('GitHub client without the REST method table', () => {
  it('src never calls a generated REST method (octokit.rest.pulls.get, octokit.pulls.get, ...)', () => {
    const uses = tsFiles('src').filter((f) => GENERATED_METHOD.test(readFileSync(f, 'utf8')));
    assert.deepEqual(uses, []);
    assert.ok(GENERATED_METHOD.test('await client.octokit.rest.pulls.get({ owner, repo })'), 'the pattern catches a call');
    assert.ok(GENERATED_METHOD.test('await octokit.pulls.listReviewComments(params)'), 'the pattern catches the legacy form');
  });

  it('the stand-in says what to do when a generated method is reached', () => {
    for (const plugin of [legacyRestEndpointMethods, restEndpointMethods]) {
      const { rest } = plugin() as { rest: Record<string, unknown> };
      assert.throws(() => rest['pulls'], /octokit\.rest\.pulls is left out of Review Mentor's bundle: call octokit\.request/);
      assert.equal((rest as { then?: unknown }).then, undefined, 'not mistaken for a promise');
    }
  });

  it('an @octokit/rest client built with the stand-in still sends requests', async () => {
    const Slim = Octokit.plugin(() => legacyRestEndpointMethods());
    const seen: string[] = [];
    const octokit = new Slim({ request: { fetch: async (url: string) => (seen.push(url), new Response('{"login":"priya-dev"}', { status: 200, headers: { 'content-type': 'application/json' } })) } });
    const r = await octokit.request('GET /user');
    assert.deepEqual(r.data, { login: 'priya-dev' });
    assert.deepEqual(seen, ['https://api.github.com/user']);
    assert.throws(() => (octokit as unknown as { rest: Record<string, unknown> }).rest['issues'], /left out/);
  });
});
