// Matches git remote URLs to GitHub repositories, for github.com, GitHub
// Enterprise Cloud (SUBDOMAIN.ghe.com) and Server, in HTTPS, SSH (scp-like and
// ssh://) and git:// forms. Hosts compare by the endpoint rule's canonical host.
import { canonicalGitHubHost } from './githubEndpoints';

export interface RemoteRepo {
  host: string;
  /** "owner/name", lower-cased for comparison. */
  repo: string;
}

export function parseRemoteUrl(url: string): RemoteRepo | undefined {
  const trimmed = url.trim();
  // scp-like: git@host:owner/name(.git)
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)\/?([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(trimmed);
  if (scp && !/^[a-z]+$/i.test(trimmed.split(':')[0] ?? '') ) {
    return { host: scp[1]!.toLowerCase(), repo: `${scp[2]}/${scp[3]}`.toLowerCase() };
  }
  try {
    const u = new URL(trimmed);
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:'].includes(u.protocol)) return undefined;
    const parts = u.pathname.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '').split('/');
    if (parts.length < 2) return undefined;
    // GHE can live under a path prefix; owner/name are the last two segments.
    const [owner, name] = parts.slice(-2);
    return { host: u.hostname.toLowerCase(), repo: `${owner}/${name}`.toLowerCase() };
  } catch {
    return undefined;
  }
}

/** True when a remote points at the repository on the given GitHub host. */
export function remoteMatches(remoteUrl: string, host: string, repo: string): boolean {
  const parsed = parseRemoteUrl(remoteUrl);
  if (!parsed) return false;
  const wantedHost = canonicalGitHubHost(host);
  const remoteHost = canonicalGitHubHost(parsed.host);
  // ssh.HOST: SSH over port 443 (github.com's ssh.github.com, and some GHE set-ups).
  const hostOk = remoteHost === wantedHost || remoteHost === `ssh.${wantedHost}` || wantedHost === 'demo';
  return hostOk && parsed.repo === repo.toLowerCase();
}
