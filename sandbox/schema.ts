// GitHub's published GraphQL schema, built once per process. We read the
// package's schema.json directly: the package is ESM-only with no export for
// the file, and buildSchema on its schema.graphql fails (duplicate fields).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildClientSchema, parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

let cached: GraphQLSchema | undefined;

export function githubSchema(): GraphQLSchema {
  if (!cached) {
    const json = JSON.parse(readFileSync(schemaJsonPath(), 'utf8')) as { data?: IntrospectionQuery } & IntrospectionQuery;
    cached = buildClientSchema(json.data ?? json);
  }
  return cached;
}

function schemaJsonPath(): string {
  // Walk up from here (source or bundle), then from the working directory, to
  // the nearest node_modules holding it.
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', '@octokit', 'graphql-schema', 'schema.json');
      if (existsSync(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error('Cannot find @octokit/graphql-schema/schema.json: run the sandbox from a checkout with dev dependencies installed.');
}

export type Compiled = { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: readonly GraphQLError[] };

// Parsing and validating against GitHub's large schema costs more than running
// a query here, and clients send the same few queries again and again.
const documents = new Map<string, Compiled>();

export function compile(query: string): Compiled {
  const hit = documents.get(query);
  if (hit) return hit;
  let result: Compiled;
  try {
    const document = parse(query);
    const errors = validate(githubSchema(), document);
    result = errors.length ? { errors } : { document };
  } catch (err) {
    result = { errors: [err as GraphQLError] };
  }
  if (documents.size > 200) documents.clear();
  documents.set(query, result);
  return result;
}
