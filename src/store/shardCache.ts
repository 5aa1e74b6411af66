// Parsed shards kept by a handle between loads. An entry is reused while the
// file's (dev, ino, size, mtime) are unchanged: every store write renames a
// new inode in, and a hand edit changes mtime or size. mtime has a coarse
// tick on some file systems (ext4 ~4 ms, FAT 2 s), so an entry is trusted only
// when the file was older than TRUST_AFTER_MS when it was read (as git does
// with "racily clean" entries); a newer one is re-read on the next load.
// Callers must treat loaded items as read-only: they are shared between loads.
import { closeSync, fstatSync, openSync, promises as fsp, readSync, type BigIntStats } from 'node:fs';
import { parseJsonText, type ReadResult } from './atomicFile';
import { shardShape } from './shape';
import type { ShardFile } from './journalFiles';

export const TRUST_AFTER_MS = 2000;

interface Entry {
  key: string;
  trusted: boolean;
  data: ShardFile;
}

export class ShardCache {
  private readonly entries = new Map<number, Entry>();
  /** Shards parsed (not reused) since the handle was made; for tests and the benchmark. */
  parsed = 0;
  private lastTurn: Promise<void> = Promise.resolve();

  /** The shard, reused from the last read when unchanged on disk. */
  async read(index: number, file: string): Promise<ReadResult<ShardFile>> {
    const cached = this.entries.get(index);
    if (cached?.trusted) {
      let st: BigIntStats;
      try {
        st = await fsp.stat(file, { bigint: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        this.entries.delete(index);
        return { kind: 'missing' };
      }
      if (keyOf(st) === cached.key) return { kind: 'ok', data: cached.data };
    }
    this.entries.delete(index);
    await this.nextTurn();
    const r = readWithStat(file);
    if (r.kind !== 'ok') return r;
    this.parsed++;
    const data = r.data as ShardFile;
    if (data.feedback && typeof data.feedback === 'object') {
      this.entries.set(index, { key: keyOf(r.stat), trusted: r.stat.mtimeNs < BigInt(Date.now() - TRUST_AFTER_MS) * 1_000_000n, data });
    }
    return { kind: 'ok', data };
  }

  /** The shard as last parsed, whether or not it is still current; for diffing a change. */
  peek(index: number): ShardFile | undefined {
    return this.entries.get(index)?.data;
  }

  /**
   * Resolves on a later turn of the event loop than the previous uncached
   * read, so a cold load of 256 shards reads and parses one shard per turn
   * (I/O and timers run in between) instead of blocking for the whole load.
   */
  private nextTurn(): Promise<void> {
    const turn = this.lastTurn.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    this.lastTurn = turn;
    return turn;
  }

  forget(index?: number): void {
    if (index === undefined) this.entries.clear();
    else this.entries.delete(index);
  }
}

function keyOf(st: BigIntStats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
}

/** One open: fstat first, then read, so the key is never newer than the content. */
type StatRead = Exclude<ReadResult<unknown>, { kind: 'ok' }> | { kind: 'ok'; data: unknown; stat: BigIntStats };

/**
 * Blocking calls on purpose: a shard is ~180 KB, mostly in the page cache,
 * and parsing it blocks anyway. Async calls cost five thread-pool round trips
 * per shard (open, fstat, read, read to EOF, close); at 256 shards that was
 * ~20% of a cold load's CPU (docs/store.md). The caller yields between shards (see
 * ShardCache.nextTurn), so the event loop still runs between files.
 */
function readWithStat(file: string): StatRead {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  let stat: BigIntStats;
  let text: string;
  try {
    stat = fstatSync(fd, { bigint: true });
    text = readToEnd(fd, Number(stat.size));
  } finally {
    closeSync(fd);
  }
  const r = parseJsonText<unknown>(text, shardShape);
  return r.kind === 'ok' ? { ...r, stat } : r;
}

/**
 * One read buffer for every shard: reads are synchronous, so it is never in
 * use twice at once, and a fresh 180 KB buffer per shard (malloc, page faults,
 * free) cost measurable time. Kept only up to SCRATCH_MAX bytes.
 */
const SCRATCH_MAX = 8 << 20;
let scratch = Buffer.allocUnsafe(0);

/** The whole file as UTF-8; reads past `size` in case the file grew after fstat (a hand edit in place). */
function readToEnd(fd: number, size: number): string {
  let buf = scratch.length > size ? scratch : Buffer.allocUnsafe(size + (size >> 2) + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, length);
    if (n === 0) break;
    length += n;
  }
  if (buf !== scratch && buf.length <= SCRATCH_MAX) scratch = buf;
  return buf.toString('utf8', 0, length);
}
