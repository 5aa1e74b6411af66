// Typed GitHub failures with plain, actionable messages. Callers (sync
// controller, CLI, publishing) branch on the class, never on message text.

export class GitHubError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** 401: the token is missing, expired or revoked. */
export class AuthError extends GitHubError {
  constructor(message = 'GitHub did not accept the sign-in (signed out or token revoked). Sign in again.') {
    super(message);
  }
}

/** Primary (hourly budget) or secondary (abuse) rate limit that we did not wait out. */
export class RateLimitError extends GitHubError {
  constructor(
    readonly resetAt: Date,
    readonly kind: 'primary' | 'secondary' = 'primary',
  ) {
    super(`GitHub's ${kind === 'primary' ? '' : 'secondary '}rate limit was reached; try again after ${resetAt.toISOString()}.`);
  }
}

/** 404 or a GraphQL NOT_FOUND: deleted, renamed, or not visible to this account. */
export class NotFoundError extends GitHubError {
  constructor(message = 'GitHub could not find it: it was deleted, renamed, or this account cannot see it.') {
    super(message);
  }
}

/** 403 or a GraphQL FORBIDDEN, e.g. editing someone else's comment. */
export class ForbiddenError extends GitHubError {
  constructor(message = 'GitHub refused: you can only edit your own comments, in repositories you can read.') {
    super(message);
  }
}

/** 5xx that kept failing after the retries. */
export class ServerError extends GitHubError {
  constructor(
    readonly status: number,
    message = `GitHub kept failing (HTTP ${status}) after several retries. Try again in a few minutes.`,
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
    super(`Could not reach GitHub at ${url} (${cause}). Check the server URL and your network.`);
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
    super(`the certificate of ${host} ${problem}: ${advice}`);
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
    super(`GitHub sent an unexpected response to ${operation}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}.`);
  }
}

/** GraphQL errors that are none of the above (a query GitHub rejects, etc.). */
export class GraphQLRequestError extends GitHubError {
  constructor(
    readonly operation: string,
    readonly errors: { type?: string; message: string; path?: (string | number)[] }[],
  ) {
    super(`GitHub rejected ${operation}: ${errors.map((e) => (e.type ? `${e.type}: ` : '') + e.message).join('; ')}`);
  }
}

/** Thrown when the caller's AbortSignal fires. */
export class CancelledError extends GitHubError {
  constructor() {
    super('Sync cancelled.');
  }
}
