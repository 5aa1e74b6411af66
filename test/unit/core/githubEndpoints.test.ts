import { strict as assert } from 'node:assert';
import { canonicalGitHubHost, InvalidServerUrlError, resolveGitHubEndpoints, type GitHubEndpoints } from '../../../src/core/githubEndpoints';

type Row = [input: string, kind: GitHubEndpoints['kind'], webUrl: string, apiUrl: string, graphqlUrl: string, host: string];

const DOTCOM = ['github.com', 'https://github.com', 'https://api.github.com', 'https://api.github.com/graphql', 'github.com'] as const;
const ACME_CLOUD = ['ghe-cloud', 'https://acme.ghe.com', 'https://api.acme.ghe.com', 'https://api.acme.ghe.com/graphql', 'acme.ghe.com'] as const;
const GHES = ['ghe-server', 'https://ghe.example.com', 'https://ghe.example.com/api/v3', 'https://ghe.example.com/api/graphql', 'ghe.example.com'] as const;
const GHES_PREFIX = ['ghe-server', 'https://example.com/github', 'https://example.com/github/api/v3', 'https://example.com/github/api/graphql', 'example.com'] as const;

const table: Row[] = [
  // github.com, however it is written
  ['', ...DOTCOM],
  ['   ', ...DOTCOM],
  ['https://github.com', ...DOTCOM],
  ['https://github.com/', ...DOTCOM],
  ['github.com', ...DOTCOM],
  ['https://www.github.com', ...DOTCOM],
  ['https://api.github.com', ...DOTCOM],
  ['https://api.github.com/graphql', ...DOTCOM],
  ['HTTPS://GitHub.com/acme', ...DOTCOM],
  // GitHub Enterprise Cloud with data residency
  ['https://acme.ghe.com', ...ACME_CLOUD],
  ['https://acme.ghe.com/', ...ACME_CLOUD],
  ['acme.ghe.com', ...ACME_CLOUD],
  ['https://ACME.ghe.com//', ...ACME_CLOUD],
  ['https://api.acme.ghe.com', ...ACME_CLOUD],
  ['https://api.acme.ghe.com/graphql', ...ACME_CLOUD],
  ['https://acme.ghe.com/api/v3', ...ACME_CLOUD],
  ['https://acme.ghe.com/enterprises/acme', ...ACME_CLOUD],
  ['http://acme.ghe.com', ...ACME_CLOUD],
  ['https://eu-team-2.ghe.com', 'ghe-cloud', 'https://eu-team-2.ghe.com', 'https://api.eu-team-2.ghe.com', 'https://api.eu-team-2.ghe.com/graphql', 'eu-team-2.ghe.com'],
  // GitHub Enterprise Server: any host, /api/v3 pasted or not, trailing slashes
  ['https://ghe.example.com', ...GHES],
  ['https://ghe.example.com/', ...GHES],
  ['https://ghe.example.com///', ...GHES],
  ['ghe.example.com', ...GHES],
  ['https://ghe.example.com/api/v3', ...GHES],
  ['https://ghe.example.com/api/v3/', ...GHES],
  ['https://ghe.example.com/API/V3', ...GHES],
  ['https://ghe.example.com/api/graphql', ...GHES],
  ['https://ghe.example.com/api', ...GHES],
  ['https://GHE.Example.com:443/', ...GHES],
  ['https://ghe.example.com/?tab=repositories#top', ...GHES],
  ['https://user:secret@ghe.example.com', ...GHES],
  // ...under a path prefix
  ['https://example.com/github', ...GHES_PREFIX],
  ['https://example.com/github/', ...GHES_PREFIX],
  ['https://example.com/github/api/v3', ...GHES_PREFIX],
  ['https://example.com/github/api/v3/', ...GHES_PREFIX],
  ['https://example.com/github/api/graphql', ...GHES_PREFIX],
  // ...on a port, over plain http (the sandbox), a name that only looks like ghe.com
  ['https://ghe.example.com:8443', 'ghe-server', 'https://ghe.example.com:8443', 'https://ghe.example.com:8443/api/v3', 'https://ghe.example.com:8443/api/graphql', 'ghe.example.com:8443'],
  ['http://127.0.0.1:4567', 'ghe-server', 'http://127.0.0.1:4567', 'http://127.0.0.1:4567/api/v3', 'http://127.0.0.1:4567/api/graphql', '127.0.0.1:4567'],
  ['https://ghe.com', 'ghe-server', 'https://ghe.com', 'https://ghe.com/api/v3', 'https://ghe.com/api/graphql', 'ghe.com'],
  ['https://a.b.ghe.com', 'ghe-server', 'https://a.b.ghe.com', 'https://a.b.ghe.com/api/v3', 'https://a.b.ghe.com/api/graphql', 'a.b.ghe.com'],
  ['https://acme.ghe.com.example.net', 'ghe-server', 'https://acme.ghe.com.example.net', 'https://acme.ghe.com.example.net/api/v3', 'https://acme.ghe.com.example.net/api/graphql', 'acme.ghe.com.example.net'],
  ['https://github.example.com/api-docs', 'ghe-server', 'https://github.example.com/api-docs', 'https://github.example.com/api-docs/api/v3', 'https://github.example.com/api-docs/api/graphql', 'github.example.com'],
];

describe('resolveGitHubEndpoints', () => {
  for (const [input, kind, webUrl, apiUrl, graphqlUrl, host] of table) {
    it(`${JSON.stringify(input)} -> ${kind} ${apiUrl}`, () => {
      const e = resolveGitHubEndpoints(input);
      assert.deepEqual(
        { kind: e.kind, webUrl: e.webUrl, apiUrl: e.apiUrl, graphqlUrl: e.graphqlUrl, host: e.host },
        { kind, webUrl, apiUrl, graphqlUrl, host },
      );
      assert.equal(e.serverUrl, kind === 'github.com' ? '' : webUrl, 'the setting is kept as the web root');
      assert.equal(e.authProvider, kind === 'github.com' ? 'github' : 'github-enterprise');
    });
  }

  it('is idempotent: resolving its own serverUrl gives the same endpoints', () => {
    for (const [input] of table) {
      const once = resolveGitHubEndpoints(input);
      assert.deepEqual(resolveGitHubEndpoints(once.serverUrl), once, input);
    }
  });

  it('refuses what cannot name a server, saying what to write instead', () => {
    for (const bad of ['https://', 'ftp://ghe.example.com', 'http://exa mple.com', 'file:///etc/hosts']) {
      assert.throws(() => resolveGitHubEndpoints(bad), (err: unknown) => err instanceof InvalidServerUrlError && /not a GitHub server URL/.test(err.message) && /https:\/\/github\.example\.com/.test(err.message), bad);
    }
  });
});

describe('canonicalGitHubHost', () => {
  const cases: [string, string][] = [
    ['github.com', 'github.com'],
    ['GitHub.com', 'github.com'],
    ['ssh.github.com', 'github.com'],
    ['www.github.com', 'github.com'],
    ['acme.ghe.com', 'acme.ghe.com'],
    ['api.acme.ghe.com', 'acme.ghe.com'],
    ['ghe.example.com:8443', 'ghe.example.com'],
    ['127.0.0.1:4567', '127.0.0.1'],
  ];
  for (const [input, want] of cases) it(`${input} -> ${want}`, () => assert.equal(canonicalGitHubHost(input), want));

  it('agrees with resolveGitHubEndpoints on every host it resolves', () => {
    for (const [input] of table) {
      const e = resolveGitHubEndpoints(input);
      assert.equal(canonicalGitHubHost(new URL(e.webUrl).host), canonicalGitHubHost(e.host), input);
    }
  });
});
