// Parsed shards kept by a handle between loads. An entry is reused while the
// file's (dev, ino, size, mtime) are unchanged: every store write renames a
// new inode in, and a hand edit changes mtime or size. mtime has a coarse
// tick on some file systems (ext4 ~4 ms, FAT 2 s), so an entry is trusted only
// when the file was older than TRUST_AFTER_MS when it was read (as git does
// with "racily clean" entries); a newer one is re-read on the next load.
// Callers must treat loaded items as read-only: they are shared between loads.
import { promises as fsp, type BigIntStats } from 'node:fs';
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
    const r = await readWithStat(file);
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

async function readWithStat(file: string): Promise<StatRead> {
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  let stat: BigIntStats;
  let text: string;
  try {
    stat = await fh.stat({ bigint: true });
    text = await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
  const r = parseJsonText<unknown>(text, shardShape);
  return r.kind === 'ok' ? { ...r, stat } : r;
}
