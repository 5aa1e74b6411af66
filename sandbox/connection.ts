// Relay connections the way GitHub pages them: opaque base64 cursors,
// first/after and last/before, totalCount over everything.
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  nodes: T[];
  edges: { cursor: string; node: T }[];
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`cursor:v2:${offset}`).toString('base64');
}

function decodeCursor(cursor: string | null | undefined): number | undefined {
  if (!cursor) return undefined;
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!m) throw Object.assign(new Error(`\`${cursor}\` does not appear to be a valid cursor.`), { githubType: 'INVALID_CURSOR_ARGUMENTS' });
  return Number(m[1]);
}

/** `map` runs only for the page, so large lists stay cheap. */
export function connection<S, T>(items: readonly S[], args: PageArgs, map: (item: S) => T, extra: Record<string, unknown> = {}): Connection<T> & Record<string, unknown> {
  let start = 0;
  let end = items.length;
  const after = decodeCursor(args.after);
  const before = decodeCursor(args.before);
  if (after !== undefined) start = Math.min(after + 1, items.length);
  if (before !== undefined) end = Math.max(Math.min(before, end), start);
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const page = items.slice(start, end).map(map);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(start + i), node }));
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    nodes: page,
    edges,
    ...extra,
  };
}
