// Maps Octokit's RequestError (and GraphQL error lists) to the typed errors in
// errors.ts, using only status, headers and GitHub's documented error types.
import * as l10n from '@vscode/l10n';
import { AuthError, ForbiddenError, GitHubError, GraphQLRequestError, NotFoundError, RateLimitError, ServerError } from './errors';
import { connectionError, editorCertificateAdvice } from './networkErrors';

export interface GraphQLErrorShape {
  type?: string;
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

type Headers = Record<string, string | number | undefined>;

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Headers; data?: unknown };
}

export function mapRequestError(err: unknown, url: string, redact: (s: string) => string, operation = l10n.t('the request'), certificateAdvice = editorCertificateAdvice()): Error {
  if (err instanceof GitHubError) return err;
  if (err && typeof err === 'object' && 'graphqlErrors' in err) return mapGraphQLErrors(operation, (err as { graphqlErrors: GraphQLErrorShape[] }).graphqlErrors);
  if (!err || typeof err !== 'object' || typeof (err as RequestErrorLike).status !== 'number') {
    return err instanceof Error ? err : new Error(redact(String(err)));
  }
  const e = err as RequestErrorLike;
  const status = e.status!;
  const headers = e.response?.headers ?? {};
  const message = redact(githubMessage(e.response?.data) ?? e.message ?? '');
  if (!e.response) return connectionError(err, url, certificateAdvice, redact);
  if (status === 401) return new AuthError();
  if (status === 403 || status === 429) {
    if (String(headers['x-ratelimit-remaining']) === '0') return new RateLimitError(resetOf(headers), 'primary');
    if (status === 429 || /secondary rate|abuse/i.test(message)) {
      const after = Number(headers['retry-after']) || 60;
      return new RateLimitError(new Date(Date.now() + after * 1000), 'secondary');
    }
    return new ForbiddenError(l10n.t('GitHub refused the request: {0}. Check that your token can read this repository (SSO authorisation, scopes).', message || 'forbidden'));
  }
  if (status === 404) return new NotFoundError(l10n.t('Not found at {0}: check the GitHub server URL, or the repository was deleted or is not visible to you.', url));
  if (status >= 500) return new ServerError(status);
  return new GitHubError(l10n.t('GitHub answered HTTP {0}: {1}', status, message || l10n.t('no message')));
}

export function mapGraphQLErrors(operation: string, errors: GraphQLErrorShape[]): Error {
  const types = new Set(errors.map((e) => e.type));
  if (types.has('FORBIDDEN')) return new ForbiddenError();
  if (types.has('NOT_FOUND')) return new NotFoundError(l10n.t('GitHub could not find it ({0}).', errors.find((e) => e.type === 'NOT_FOUND')!.message));
  return new GraphQLRequestError(operation, errors);
}

export function rateLimitFromGraphQL(errors: GraphQLErrorShape[], headers: Headers): RateLimitError | undefined {
  return errors.some((e) => e.type === 'RATE_LIMITED') ? new RateLimitError(resetOf(headers), 'primary') : undefined;
}

function resetOf(headers: Headers): Date {
  const reset = Number(headers['x-ratelimit-reset']);
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(Date.now() + 60_000);
}

function githubMessage(data: unknown): string | undefined {
  if (data && typeof data === 'object') {
    const m = (data as { message?: unknown }).message;
    if (typeof m === 'string') return m;
    const errs = (data as { errors?: { message?: unknown }[] }).errors;
    if (Array.isArray(errs) && typeof errs[0]?.message === 'string') return errs[0].message;
  }
  return typeof data === 'string' && data.length < 200 ? data : undefined;
}
