import { strict as assert } from 'node:assert';
import { parseRemoteUrl, remoteMatches } from '../../../src/core/remotes';

describe('parseRemoteUrl', () => {
  const cases: [string, string, string][] = [
    ['https://github.com/acme/payments-api.git', 'github.com', 'acme/payments-api'],
    ['https://github.com/Acme/Payments-API', 'github.com', 'acme/payments-api'],
    ['git@github.com:acme/payments-api.git', 'github.com', 'acme/payments-api'],
    ['ssh://git@github.example.com:2222/acme/web.git', 'github.example.com', 'acme/web'],
    ['https://ghe.example.com/scm/acme/web.git/', 'ghe.example.com', 'acme/web'],
    ['git://github.com/acme/tools', 'github.com', 'acme/tools'],
    ['https://user:secret@github.com/acme/tools.git', 'github.com', 'acme/tools'],
  ];
  for (const [url, host, repo] of cases) {
    it(`reads ${url}`, () => {
      assert.deepEqual(parseRemoteUrl(url), { host, repo });
    });
  }

  it('rejects what is not a repository URL', () => {
    assert.equal(parseRemoteUrl('not a url'), undefined);
    assert.equal(parseRemoteUrl('https://github.com/acme'), undefined);
    assert.equal(parseRemoteUrl('file:///tmp/repo'), undefined);
    assert.equal(parseRemoteUrl('C:/work/repo'), undefined);
  });

  it('matches on host and repository, not on either alone', () => {
    assert.ok(remoteMatches('git@github.com:acme/web.git', 'github.com', 'acme/web'));
    assert.ok(!remoteMatches('git@github.com:acme/web.git', 'ghe.example.com', 'acme/web'));
    assert.ok(!remoteMatches('git@github.com:acme/web.git', 'github.com', 'acme/api'));
    assert.ok(remoteMatches('https://127.0.0.1:4567/acme/web.git', '127.0.0.1:4567', 'acme/web'));
  });

  it('matches remotes of GitHub Enterprise Cloud with data residency (SUBDOMAIN.ghe.com), SSH and HTTPS', () => {
    for (const remote of ['git@acme.ghe.com:platform/web.git', 'ssh://git@acme.ghe.com/platform/web.git', 'https://acme.ghe.com/platform/web.git', 'https://ACME.ghe.com/Platform/Web']) {
      assert.ok(remoteMatches(remote, 'acme.ghe.com', 'platform/web'), remote);
    }
    assert.ok(!remoteMatches('git@other.ghe.com:platform/web.git', 'acme.ghe.com', 'platform/web'), 'another tenant');
    assert.ok(!remoteMatches('git@github.com:platform/web.git', 'acme.ghe.com', 'platform/web'), 'github.com');
    assert.ok(!remoteMatches('git@acme.ghe.com:platform/web.git', 'github.com', 'platform/web'));
  });

  it('folds github.com aliases and the ssh-over-443 host', () => {
    assert.ok(remoteMatches('ssh://git@ssh.github.com:443/acme/web.git', 'github.com', 'acme/web'));
    assert.ok(remoteMatches('https://www.github.com/acme/web', 'github.com', 'acme/web'));
    assert.ok(remoteMatches('ssh://git@ssh.ghe.example.com:443/acme/web.git', 'ghe.example.com', 'acme/web'));
  });
});
