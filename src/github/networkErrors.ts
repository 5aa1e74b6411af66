// A request that got no HTTP answer from GitHub, named by its cause: a
// certificate the machine does not trust, a proxy that refused or cannot be
// reached, or GitHub itself out of reach. Reads only Node's error codes and
// the address it was connecting to, found anywhere on the error's cause chain
// (Octokit wraps the transport's error; undici wraps the socket's).
import * as l10n from '@vscode/l10n';
import { CertificateError, GitHubError, NetworkError, ProxyError } from './errors';

/** What the editor says to do about an untrusted certificate; the CLI passes its own. */
export const editorCertificateAdvice = () =>
  l10n.t("add your company's certificate authority to this machine's trusted certificates (VS Code passes them on while the http.systemCertificates setting is on)");

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
// Words read when an error is made (getters), in the display language by then.
const OTHER_CERTIFICATE_PROBLEMS: Record<string, string> = {
  get CERT_HAS_EXPIRED() { return l10n.t('has expired'); },
  get CERT_NOT_YET_VALID() { return l10n.t('is not valid yet'); },
  get CERT_REVOKED() { return l10n.t('has been revoked'); },
  get ERR_TLS_CERT_ALTNAME_INVALID() { return l10n.t('is for another host name'); },
};
const CONNECT_FAILURES: Record<string, string> = {
  get ECONNREFUSED() { return l10n.t('connection refused'); },
  get ETIMEDOUT() { return l10n.t('timed out'); },
  get EHOSTUNREACH() { return l10n.t('host unreachable'); },
  get ENETUNREACH() { return l10n.t('network unreachable'); },
};

interface NodeErrorLike {
  code?: unknown;
  message?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  cause?: unknown;
}

/** The typed error for a request to `url` that failed before any HTTP answer. */
export function connectionError(err: unknown, url: string, certificateAdvice: string, redact: (s: string) => string): GitHubError {
  const typed = causes(err).find((c): c is GitHubError => c instanceof GitHubError);
  if (typed) return typed;
  const target = safeUrl(url);
  const withCode = causes(err).filter((c): c is NodeErrorLike & { code: string } => typeof (c as NodeErrorLike).code === 'string');
  // Prefer the error that says where it was connecting (an AggregateError of
  // several addresses carries the code, its parts carry address and port).
  const coded = withCode.find((c) => typeof c.port === 'number') ?? withCode[0];
  const code = coded?.code ?? '';
  const host = target?.hostname ?? url;
  if (UNTRUSTED.has(code)) return new CertificateError(host, l10n.t('is not trusted'), code, certificateAdvice);
  if (OTHER_CERTIFICATE_PROBLEMS[code]) return new CertificateError(host, OTHER_CERTIFICATE_PROBLEMS[code], code, certificateAdvice);
  // A failed connection to another port, or a name lookup of another host,
  // than GitHub's was the connection to the proxy.
  if (coded && target) {
    const targetPort = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
    if (CONNECT_FAILURES[code] && typeof coded.port === 'number' && coded.port !== targetPort) {
      return new ProxyError(l10n.t('could not connect to the proxy at {0} ({1}): check the proxy setting', `${String(coded.address ?? '?')}:${coded.port}`, CONNECT_FAILURES[code]));
    }
    if (code === 'ENOTFOUND' && typeof coded.hostname === 'string' && coded.hostname !== target.hostname) {
      return new ProxyError(l10n.t('the proxy host {0} was not found: check the proxy setting', coded.hostname));
    }
  }
  const words = CONNECT_FAILURES[code] ?? (code === 'ENOTFOUND' ? l10n.t('host not found') : undefined);
  const message = messageOf(err);
  return new NetworkError(url, redact(words ?? (message || l10n.t('no response'))), code || undefined);
}

/**
 * Failures a retry cannot mend: waiting 1 + 4 + 9 s to say the same thing
 * helps nobody. ENOTFOUND is DNS's definite "no such name" (a passing DNS
 * failure is EAI_AGAIN, and is retried).
 */
export function isPermanent(err: GitHubError): boolean {
  return err instanceof CertificateError || err instanceof ProxyError || (err instanceof NetworkError && err.code === 'ENOTFOUND');
}

function causes(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let c = err, depth = 0; c && typeof c === 'object' && depth < 5; c = (c as NodeErrorLike).cause, depth++) {
    out.push(c);
    if (c instanceof AggregateError) out.push(...c.errors);
  }
  return out;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : typeof err === 'string' ? err : '';
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
