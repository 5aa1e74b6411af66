// Where a journal lives on disk, and which shard holds a pull request.
//   <root>/<host>/<login>.json              main file: version, engineer, syncedUntil, shard count, entries
//   <root>/<host>/<login>.shards/<nnn>.json feedback of the PRs whose URL hashes to shard nnn
import * as path from 'node:path';
import type { EngineerRef } from '../core/model';

export const DEFAULT_SHARD_COUNT = 256;

export interface JournalPaths {
  dir: string;
  main: string;
  shardDir: string;
  shard(index: number): string;
}

/** Logins are case-insensitive on GitHub; hosts may carry a port. Both become safe file names. */
export function journalPaths(rootDir: string, engineer: EngineerRef): JournalPaths {
  const dir = path.join(rootDir, safeName(engineer.host.toLowerCase()));
  const base = safeName(engineer.login.toLowerCase());
  const shardDir = path.join(dir, `${base}.shards`);
  return {
    dir,
    main: path.join(dir, `${base}.json`),
    shardDir,
    shard: (i) => path.join(shardDir, `${String(i).padStart(3, '0')}.json`),
  };
}

export function safeName(s: string): string {
  return encodeURIComponent(s).replace(/\*/g, '%2A');
}

export function fromSafeName(s: string): string {
  return decodeURIComponent(s);
}

/** FNV-1a over the PR URL: every comment of one PR lands in the same shard. */
export function shardOf(prUrl: string, shardCount: number): number {
  let h = 0x811c9dc5;
  const s = prUrl.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shardCount;
}

/** PR URLs (lower-cased) by the shard that holds their items. */
export function groupUrlsByShard(prUrls: readonly string[], shardCount: number): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const url of prUrls) {
    const i = shardOf(url, shardCount);
    let set = out.get(i);
    if (!set) out.set(i, (set = new Set()));
    set.add(url.toLowerCase());
  }
  return out;
}
