// Small fetch-based client for the sandbox tests: what any GitHub client sends.
import type { Sandbox } from '../../../sandbox';

export interface GqlResponse<T = any> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { type?: string; message: string; path?: (string | number)[] }[];
  json: any;
}

export async function gql<T = any>(sb: Sandbox, query: string, variables: Record<string, unknown> = {}, token = 'demo-token'): Promise<GqlResponse<T>> {
  const res = await fetch(sb.graphqlUrl, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as any;
  return { status: res.status, headers: res.headers, data: json.data, errors: json.errors, json };
}

export async function rest(sb: Sandbox, method: string, path: string, body?: unknown, token = 'demo-token'): Promise<{ status: number; headers: Headers; json: any }> {
  const res = await fetch(`${sb.apiUrl}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}
