// Where a GitHub lives: one rule from the server URL a user pastes to the web
// address, the REST and GraphQL endpoints, the host that keys journals and
// matches git remotes, and VS Code's account provider. Three kinds:
//   github.com                        api.github.com, api.github.com/graphql
//   GitHub Enterprise Cloud with data residency (SUBDOMAIN.ghe.com)
//                                     api.SUBDOMAIN.ghe.com, api.SUBDOMAIN.ghe.com/graphql
//   GitHub Enterprise Server (any other host, maybe under a path prefix)
//                                     ROOT/api/v3, ROOT/api/graphql
// Pure: no I/O, so the extension, the CLI and the tests share it.

import * as l10n from '@vscode/l10n';
export type GitHubKind = 'github.com' | 'ghe-cloud' | 'ghe-server';

export interface GitHubEndpoints {
  kind: GitHubKind;
  /** The setting's canonical value: '' for github.com, else the web root. */
  serverUrl: string;
  /** What a browser opens: https://github.com, https://acme.ghe.com, https://ghe.example.com/prefix */
  webUrl: string;
  /** REST base (Octokit's baseUrl). */
  apiUrl: string;
  graphqlUrl: string;
  /** Journal folder and git remote host: github.com, acme.ghe.com, ghe.example.com:8443 */
  host: string;
  /** VS Code's authentication provider for this server. */
  authProvider: 'github' | 'github-enterprise';
}

/** A server URL that cannot name a GitHub server. */
export class InvalidServerUrlError extends Error {
  constructor(readonly input: string, reason: string) {
    super(l10n.t('"{0}" is not a GitHub server URL ({1}). Use the address you open in a browser, for example https://github.example.com or https://acme.ghe.com, or leave it empty for github.com.', input, reason));
    this.name = 'InvalidServerUrlError';
  }
}

const GITHUB_COM: GitHubEndpoints = {
  kind: 'github.com',
  serverUrl: '',
  webUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  graphqlUrl: 'https://api.github.com/graphql',
  host: 'github.com',
  authProvider: 'github',
};

const GITHUB_COM_HOSTS = new Set(['github.com', 'www.github.com', 'api.github.com', 'ssh.github.com']);
// One DNS label under ghe.com, optionally behind "api." (pasted from the API docs).
const GHE_CLOUD = /^(?:api\.)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.ghe\.com$/;
// What users paste after a GHE Server root: /api/v3, /api/graphql, /api, with slashes.
const API_SUFFIX = /\/api(?:\/v3|\/graphql)?$/i;

export function resolveGitHubEndpoints(input: string): GitHubEndpoints {
  const raw = input.trim();
  if (raw === '') return GITHUB_COM;
  const url = parseServerUrl(raw);
  const hostname = url.hostname.toLowerCase();
  if (GITHUB_COM_HOSTS.has(hostname)) return GITHUB_COM;
  const cloud = GHE_CLOUD.exec(hostname);
  if (cloud) {
    const host = `${cloud[1]}.ghe.com`;
    const webUrl = `https://${host}`;
    return { kind: 'ghe-cloud', serverUrl: webUrl, webUrl, apiUrl: `https://api.${host}`, graphqlUrl: `https://api.${host}/graphql`, host, authProvider: 'github-enterprise' };
  }
  const prefix = url.pathname.replace(/\/+$/, '').replace(API_SUFFIX, '').replace(/\/+$/, '');
  const webUrl = `${url.protocol}//${url.host.toLowerCase()}${prefix}`;
  return { kind: 'ghe-server', serverUrl: webUrl, webUrl, apiUrl: `${webUrl}/api/v3`, graphqlUrl: `${webUrl}/api/graphql`, host: url.host.toLowerCase(), authProvider: 'github-enterprise' };
}

/**
 * The host a git remote or a journal names, in the form resolveGitHubEndpoints
 * gives: lower case, no port, github.com's www/ssh/api aliases and the "api."
 * of a ghe.com host folded away.
 */
export function canonicalGitHubHost(hostname: string): string {
  const h = hostname.trim().toLowerCase().replace(/:\d+$/, '');
  if (GITHUB_COM_HOSTS.has(h)) return 'github.com';
  const cloud = GHE_CLOUD.exec(h);
  return cloud ? `${cloud[1]}.ghe.com` : h;
}

function parseServerUrl(raw: string): URL {
  // A bare host ("ghe.example.com/prefix") means https, as in a browser.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InvalidServerUrlError(raw, l10n.t('not a URL'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidServerUrlError(raw, l10n.t('{0} is not http or https', url.protocol.replace(':', '')));
  if (!url.hostname) throw new InvalidServerUrlError(raw, l10n.t('no host name'));
  return url;
}
