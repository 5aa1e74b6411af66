// Typed GitHub failures with plain, actionable messages. Callers (sync
// controller, CLI, publishing) branch on the class, never on message text.
// Messages go through @vscode/l10n: VS Code's display language in the
// extension, English in the CLI (no bundle).
import * as l10n from '@vscode/l10n';

export class GitHubError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** 401: the token is missing, expired or revoked. */
export class AuthError extends GitHubError {
  constructor(message = l10n.t('GitHub did not accept the sign-in (signed out or token revoked). Sign in again.')) {
    super(message);
  }
}

/** Primary (hourly budget) or secondary (abuse) rate limit that we did not wait out. */
export class RateLimitError extends GitHubError {
  constructor(
    readonly resetAt: Date,
    readonly kind: 'primary' | 'secondary' = 'primary',
  ) {
    super(kind === 'primary' ? l10n.t("GitHub's rate limit was reached; try again after {0}.", resetAt.toISOString()) : l10n.t("GitHub's secondary rate limit was reached; try again after {0}.", resetAt.toISOString()));
  }
}

/** 404 or a GraphQL NOT_FOUND: deleted, renamed, or not visible to this account. */
export class NotFoundError extends GitHubError {
  constructor(message = l10n.t('GitHub could not find it: it was deleted, renamed, or this account cannot see it.')) {
    super(message);
  }
}

/** 403 or a GraphQL FORBIDDEN, e.g. editing someone else's comment. */
export class ForbiddenError extends GitHubError {
  constructor(message = l10n.t('GitHub refused: you can only edit your own comments, in repositories you can read.')) {
    super(message);
  }
}

/** 5xx that kept failing after the retries. */
export class ServerError extends GitHubError {
  constructor(
    readonly status: number,
    message = l10n.t('GitHub kept failing (HTTP {0}) after several retries. Try again in a few minutes.', status),
  ) {
    super(message);
  }
}

/** The server could not be reached at all (DNS, refused, dropped connections). */
export class NetworkError extends GitHubError {
  constructor(
    url: string,
    cause: string,
    /** Node's error code, e.g. ECONNREFUSED, ENOTFOUND. */
    readonly code?: string,
  ) {
    super(l10n.t('Could not reach GitHub at {0} ({1}). Check the server URL and your network.', url, cause));
  }
}

/** TLS refused GitHub's certificate: a private certificate authority, most often. */
export class CertificateError extends GitHubError {
  constructor(
    readonly host: string,
    /** What is wrong, in words: "is not trusted", "has expired", "is for another host name". */
    readonly problem: string,
    readonly code: string,
    advice: string,
  ) {
    super(l10n.t('the certificate of {0} {1}: {2}', host, problem, advice));
  }
}

/** The proxy refused the tunnel to GitHub, or could not be reached. */
export class ProxyError extends GitHubError {}

/** The response did not have the shape we asked for. */
export class MalformedResponseError extends GitHubError {
  constructor(
    readonly operation: string,
    readonly problems: string[],
  ) {
    super(problems.length > 3 ? l10n.t('GitHub sent an unexpected response to {0}: {1} (and {2} more).', operation, problems.slice(0, 3).join('; '), problems.length - 3) : l10n.t('GitHub sent an unexpected response to {0}: {1}.', operation, problems.join('; ')));
  }
}

/** GraphQL errors that are none of the above (a query GitHub rejects, etc.). */
export class GraphQLRequestError extends GitHubError {
  constructor(
    readonly operation: string,
    readonly errors: { type?: string; message: string; path?: (string | number)[] }[],
  ) {
    super(l10n.t('GitHub rejected {0}: {1}', operation, errors.map((e) => (e.type ? `${e.type}: ` : '') + e.message).join('; ')));
  }
}

/** Thrown when the caller's AbortSignal fires. */
export class CancelledError extends GitHubError {
  constructor() {
    super(l10n.t('Sync cancelled.'));
  }
}
