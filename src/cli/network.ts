// How the CLI reaches GitHub from a company network: the proxy named by
// HTTPS_PROXY / HTTP_PROXY / NO_PROXY (read by proxy-from-env), tunnelled by
// the agents VS Code itself uses (https-proxy-agent, http-proxy-agent), and the
// certificate authorities Node trusts plus NODE_EXTRA_CA_CERTS and --ca-file.
import { readFileSync } from 'node:fs';
import type { Agent } from 'node:http';
import { rootCertificates } from 'node:tls';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import { createNodeFetch, type FetchLike } from '../github/nodeFetch';
import { CliError } from './command';

/** What an untrusted-certificate error tells a CLI user to do. */
export const CLI_CERTIFICATE_ADVICE = 'set NODE_EXTRA_CA_CERTS or --ca-file';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface CliNetwork {
  fetch: FetchLike;
  /** The proxy a request to `url` goes through ('' for none), from the environment. */
  proxyFor(url: string): string;
}

export function cliNetwork(opts: { caFile?: string | undefined } = {}): CliNetwork {
  const ca = trustedAuthorities(opts.caFile);
  const agents = new Map<string, Agent>();
  // Loopback is never proxied, as in VS Code (the sandbox GitHub, a local tunnel).
  const proxyFor = (url: string) => (LOOPBACK.has(new URL(url).hostname) ? '' : getProxyForUrl(url));
  const agentFor = (url: URL): Agent | undefined => {
    const proxy = proxyFor(url.href);
    if (!proxy) return undefined;
    const key = `${url.protocol} ${proxy}`;
    let agent = agents.get(key);
    if (!agent) {
      const proxyTls = ca ? { ca } : {};
      agent = url.protocol === 'https:' ? new HttpsProxyAgent(proxy, { keepAlive: true, ...proxyTls }) : new HttpProxyAgent(proxy, { keepAlive: true, ...proxyTls });
      agents.set(key, agent);
    }
    return agent;
  };
  return { fetch: createNodeFetch({ agentFor, ...(ca ? { ca } : {}) }), proxyFor };
}

/**
 * Without --ca-file: undefined, Node's own list (which already holds
 * NODE_EXTRA_CA_CERTS). With it: that list spelled out, because naming any CA
 * replaces Node's, plus the file's certificates.
 */
function trustedAuthorities(caFile: string | undefined): string[] | undefined {
  if (caFile === undefined) return undefined;
  const extraFile = process.env['NODE_EXTRA_CA_CERTS'];
  // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; so do we (by ignoring it).
  const extra = extraFile ? tryRead(extraFile) : undefined;
  return [...rootCertificates, ...(extra ? pemCertificates(extra) : []), ...readCaFile(caFile)];
}

function readCaFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read --ca-file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`, 2);
  }
  const certs = pemCertificates(text);
  if (certs.length === 0) throw new CliError(`--ca-file ${file} holds no PEM certificate (a "-----BEGIN CERTIFICATE-----" block).`, 2);
  return certs;
}

function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function tryRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
