// GitHub's documented GraphQL limits, checked before a query runs so that what
// passes here also passes on github.com:
// - every connection needs `first` or `last` (here 1..100);
// - at most 500,000 nodes per query, counting each connection's page size
//   times the page sizes of the connections it is nested in;
// - cost = (sum over connections of the requests needed to fill them, i.e.
//   the product of the enclosing page sizes) / 100, rounded, at least 1.
// https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export const MAX_PAGE = 100;
export const MAX_NODES = 500_000;

export interface CostReport {
  operation: OperationDefinitionNode;
  cost: number;
  nodeCount: number;
}

/** A GraphQL error in GitHub's shape: `type` at the top level. */
export interface GitHubGraphQLError {
  type?: string;
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export function analyze(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): CostReport | { errors: GitHubGraphQLError[] } {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) {
    return { errors: [{ message: operationName ? `Unknown operation named "${operationName}".` : 'Must provide operation name if query contains multiple operations.' }] };
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const vars: Record<string, unknown> = { ...variables };
  for (const def of operation.variableDefinitions ?? []) {
    if (vars[def.variable.name.value] === undefined && def.defaultValue) vars[def.variable.name.value] = valueFromASTUntyped(def.defaultValue);
  }

  const errors: GitHubGraphQLError[] = [];
  let requests = 0;
  let nodeCount = 0;
  let nodeError: GitHubGraphQLError | undefined;

  const visit = (set: SelectionSetNode, type: GraphQLNamedType, multiplier: number, path: string[], seen: Set<string>): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        if (t) visit(sel.selectionSet, t, isIncluded(sel, vars) ? multiplier : 0, path, seen);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        const t = schema.getType(frag.typeCondition.name.value);
        if (t) visit(frag.selectionSet, t, isIncluded(sel, vars) ? multiplier : 0, path, new Set([...seen, frag.name.value]));
      } else {
        const field = fieldOf(type, sel.name.value);
        if (!field || !sel.selectionSet) continue;
        const fieldPath = [...path, sel.alias?.value ?? sel.name.value];
        const named = getNamedType(field.type);
        // Page sizes are checked even on skipped fields (a static rule); a field
        // left out by @include/@skip fetches nothing, so it costs nothing.
        const included = multiplier > 0 && isIncluded(sel, vars);
        const factor = included ? multiplier : 0;
        let inner = factor;
        if (isConnection(field, named)) {
          const page = pageSize(sel, vars, field.name, fieldPath, errors);
          requests += factor;
          inner = factor * page;
          nodeCount += inner;
          if (nodeCount > MAX_NODES && !nodeError) {
            nodeError = { type: 'MAX_NODE_LIMIT_EXCEEDED', path: fieldPath, locations: loc(sel), message: `By the time this query traverses to the ${field.name} connection, it is requesting up to ${nodeCount.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en-US')}.` };
          }
        }
        visit(sel.selectionSet, named, inner, fieldPath, seen);
      }
    }
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (root) visit(operation.selectionSet, root, 1, [], new Set());
  if (nodeError) errors.push(nodeError);
  if (errors.length) return { errors };
  return { operation, cost: Math.max(1, Math.round(requests / 100)), nodeCount };
}

function isIncluded(node: { readonly directives?: readonly DirectiveNode[] }, vars: Record<string, unknown>): boolean {
  for (const d of node.directives ?? []) {
    const arg = d.arguments?.find((a) => a.name.value === 'if');
    const value = arg ? valueFromASTUntyped(arg.value, vars) : undefined;
    if (d.name.value === 'include' && value === false) return false;
    if (d.name.value === 'skip' && value === true) return false;
  }
  return true;
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function isConnection(field: GraphQLField<unknown, unknown>, named: GraphQLNamedType): boolean {
  return named.name.endsWith('Connection') && field.args.some((a) => a.name === 'first' || a.name === 'last');
}

function pageSize(sel: FieldNode, vars: Record<string, unknown>, name: string, path: string[], errors: GitHubGraphQLError[]): number {
  const arg = (n: string) => {
    const node = sel.arguments?.find((a) => a.name.value === n);
    const v = node ? valueFromASTUntyped(node.value, vars) : undefined;
    return typeof v === 'number' ? v : undefined;
  };
  const first = arg('first');
  const last = arg('last');
  const given = first ?? last;
  const which = first !== undefined ? 'first' : 'last';
  if (given === undefined) {
    errors.push({ type: 'MISSING_PAGINATION_BOUNDARIES', path, locations: loc(sel), message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.` });
    return 0;
  }
  if (given > MAX_PAGE) {
    errors.push({ type: 'EXCESSIVE_PAGINATION', path, locations: loc(sel), message: `Requesting ${given} records on the \`${name}\` connection exceeds the \`${which}\` limit of ${MAX_PAGE} records.` });
    return given;
  }
  if (given < 1) {
    // github.com accepts 0 (for totalCount alone); the sandbox is stricter on purpose.
    errors.push({ type: 'EXCESSIVE_PAGINATION', path, locations: loc(sel), message: `\`${which}\` on the \`${name}\` connection must be between 1 and ${MAX_PAGE}; got ${given}.` });
    return 0;
  }
  return given;
}

function loc(node: FieldNode): { line: number; column: number }[] | undefined {
  const start = node.loc?.startToken;
  return start ? [{ line: start.line, column: start.column }] : undefined;
}
