// package.json as VS Code shows it in English: every %key% replaced from
// package.nls.json, so tests read the strings users see.
import { readFileSync } from 'node:fs';

export const rawManifest = JSON.parse(readFileSync('package.json', 'utf8'));
export const nls: Record<string, string> = JSON.parse(readFileSync('package.nls.json', 'utf8'));

function resolve(value: unknown): unknown {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    return m && nls[m[1]!] !== undefined ? nls[m[1]!] : value;
  }
  if (Array.isArray(value)) return value.map(resolve);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  return value;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const manifest: any = resolve(rawManifest);
