// Tells a window that a journal changed on disk (another window, the CLI, or
// this process). fs.watch on the journal's folder and its shard folder,
// debounced, ignoring the store's temp files and lock directory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEMP_MARKER } from './atomicFile';
import type { JournalPaths } from './layout';
import type { StoreLogger } from './types';

/** Files that changed during one debounce window: 'main', shard file names, or unknown (the platform gave no name). */
export interface ChangedFiles {
  main: boolean;
  shards: Set<string>;
  unknown: boolean;
}

export function watchJournal(paths: JournalPaths, onChange: (changed: ChangedFiles) => void, opts: { debounceMs: number; logger?: StoreLogger }): { dispose(): void } {
  const mainName = path.basename(paths.main);
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;
  let changed: ChangedFiles = { main: false, shards: new Set(), unknown: false };
  const poke = (name: string | null, inShards: boolean) => {
    if (disposed) return;
    if (name === null) changed.unknown = true;
    else if (inShards) changed.shards.add(name);
    else changed.main = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const batch = changed;
      changed = { main: false, shards: new Set(), unknown: false };
      if (!disposed) onChange(batch);
    }, opts.debounceMs);
  };
  const relevant = (name: string | null, inShards: boolean): boolean => {
    if (name === null) return true; // platform gave no name: assume it matters
    // Temp files end in `.tmp-<pid>-<hex>` and the lock is `<main>.json.lock`, so exact names exclude both.
    if (name.includes(TEMP_MARKER)) return false;
    return inShards ? name.endsWith('.json') : name === mainName;
  };
  const watchers: fs.FSWatcher[] = [];
  for (const [dir, inShards] of [
    [paths.dir, false],
    [paths.shardDir, true],
  ] as const) {
    try {
      const w = fs.watch(dir, { persistent: false }, (_event, name) => {
        const n = name === null ? null : String(name);
        if (relevant(n, inShards)) poke(n, inShards);
      });
      w.on('error', (err) => opts.logger?.warn(`Stopped watching ${dir}: ${err.message}`));
      watchers.push(w);
    } catch (err) {
      opts.logger?.warn(`Cannot watch ${dir} for changes from other windows: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return {
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      watchers.forEach((w) => w.close());
    },
  };
}
