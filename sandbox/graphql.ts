// POST /api/graphql: validate against GitHub's schema, enforce GitHub's limits,
// charge the cost to the viewer's hourly budget, then execute.
import { execute, GraphQLError, type ExecutionResult } from 'graphql';
import { analyze, type GitHubGraphQLError } from './cost';
import type { Budgets } from './budget';
import { GitHubError, rootValue, type RequestCtx } from './resolvers';
import { compile, githubSchema } from './schema';
import { orgDatabaseId, type Ctx } from './objects';

export interface GraphQLBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface GraphQLOutcome {
  status: number;
  body: unknown;
  cost?: number;
  headers?: Record<string, string>;
}

/** The operation name, for logs and fault matching, before anything runs. */
export function operationNameOf(body: GraphQLBody): string | undefined {
  if (typeof body.operationName === 'string' && body.operationName) return body.operationName;
  if (typeof body.query !== 'string') return undefined;
  const compiled = compile(body.query);
  for (const d of compiled.document?.definitions ?? []) if (d.kind === 'OperationDefinition' && d.name) return d.name.value;
  return undefined;
}

export function runGraphQL(body: GraphQLBody, ctx: Ctx, budgets: Budgets, now: () => Date, userId: number): GraphQLOutcome {
  if (typeof body.query !== 'string') return { status: 400, body: { message: 'A query attribute must be specified and must be a string.' } };
  const variables = body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
  const operationName = typeof body.operationName === 'string' && body.operationName ? body.operationName : undefined;
  const compiled = compile(body.query);
  if (!compiled.document) return { status: 200, body: { errors: compiled.errors.map((e) => plain(e)) } };
  const report = analyze(githubSchema(), compiled.document, operationName, variables);
  if ('errors' in report) return { status: 200, body: { errors: report.errors } };

  const t = now().getTime();
  const dryRun = /rateLimit\s*\(\s*dryRun\s*:\s*true/.test(body.query);
  if (!dryRun && !budgets.charge(ctx.viewer, 'graphql', report.cost, t)) {
    return { status: 200, cost: 0, body: { errors: [{ type: 'RATE_LIMITED', message: `API rate limit exceeded for user ID ${userId}.` }] } };
  }
  const u = budgets.usage(ctx.viewer, 'graphql', t);
  const requestCtx: RequestCtx = {
    ...ctx,
    now,
    rate: { cost: report.cost, nodeCount: report.nodeCount, limit: u.limit, remaining: u.remaining, used: u.used, resetAt: new Date(u.reset * 1000).toISOString() },
  };
  const result = execute({
    schema: githubSchema(),
    document: compiled.document,
    rootValue,
    contextValue: requestCtx,
    variableValues: variables,
    operationName,
    typeResolver: (value: unknown) => (value as { __typename?: string }).__typename,
  }) as ExecutionResult;
  const out: Record<string, unknown> = { data: result.data ?? null };
  if (result.errors?.length) out['errors'] = result.errors.map((e) => plain(e));
  // Partial results hidden by SAML SSO: GitHub names the organisations' ids in X-GitHub-SSO.
  const samlOrgs = [...new Set((result.errors ?? []).map((e) => (e.originalError as { samlOrg?: string } | undefined)?.samlOrg).filter((o): o is string => !!o))];
  const headers = samlOrgs.length ? { 'x-github-sso': `partial-results; organizations=${samlOrgs.map(orgDatabaseId).join(',')}` } : undefined;
  return { status: 200, body: out, cost: report.cost, ...(headers ? { headers } : {}) };
}

function plain(e: GraphQLError): GitHubGraphQLError {
  const original = e.originalError as (Error & { githubType?: string; samlOrg?: string; trimPath?: number }) | undefined;
  const type = original instanceof GitHubError ? original.githubType : original?.githubType;
  const path = e.path ? e.path.slice(0, e.path.length - (original?.trimPath ?? 0)) : undefined;
  return {
    ...(type ? { type } : {}),
    ...(path ? { path } : {}),
    ...(original?.samlOrg ? { extensions: { saml_failure: true } } : {}),
    ...(e.locations ? { locations: e.locations.map((l) => ({ line: l.line, column: l.column })) } : {}),
    message: e.message,
  };
}
