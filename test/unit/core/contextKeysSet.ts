// Context keys the extension sets: those declared in src/platform/contextKeys.ts
// (set only through its setContext) and any set with a direct setContext call.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function contextKeysSet(): Set<string> {
  const keys = new Set<string>();
  for (const m of readFileSync('src/platform/contextKeys.ts', 'utf8').matchAll(/^\s+\w+: '(reviewMentor\.[\w.]+)',/gm)) keys.add(m[1]!);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/'setContext',\s*'(reviewMentor\.[\w.]+)'/g)) keys.add(m[1]!);
    }
  };
  walk('src');
  return keys;
}
