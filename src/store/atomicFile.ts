// Crash-safe JSON files: read with a clear verdict (missing / ok / corrupt),
// write through temp file + fsync + rename + directory fsync, so a reader or a
// crash only ever sees the old or the new file, never a mix.
import * as l10n from '@vscode/l10n';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Adapter } from 'lowdb';
import { assertLockHeld } from './lock';
import type { ShapeCheck } from './shape';

export type ReadResult<T> = { kind: 'missing' } | { kind: 'ok'; data: T } | { kind: 'corrupt'; reason: string };

/** Temp files carry this marker so watchers and cleanup can recognise them. */
export const TEMP_MARKER = '.tmp-';

/** `check` judges the shape of a parsed object: a reason makes the file corrupt (see shape.ts). */
export async function readJsonFile<T>(file: string, check?: ShapeCheck): Promise<ReadResult<T>> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  return parseJsonText<T>(text, check);
}

/** The verdict on a file's text: a JSON object of the right shape, or why not. */
export function parseJsonText<T>(text: string, check?: ShapeCheck): ReadResult<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // Checked only after a failed parse: trim() would copy every large shard.
    if (text.trim() === '') return { kind: 'corrupt', reason: l10n.t('the file is empty') };
    return { kind: 'corrupt', reason: l10n.t('it is not valid JSON ({0})', err instanceof Error ? err.message : String(err)) };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { kind: 'corrupt', reason: l10n.t('it does not hold a JSON object') };
  }
  const wrong = check?.(data as Record<string, unknown>);
  if (wrong) return { kind: 'corrupt', reason: l10n.t('it is valid JSON but not a journal file ({0})', wrong) };
  return { kind: 'ok', data: data as T };
}

export async function writeJsonAtomic(file: string, data: unknown, opts: { pretty?: boolean } = {}): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(data, null, opts.pretty ? 2 : undefined) + '\n');
}

/**
 * The one atomic write of the project (journals, settings files, exports):
 * a temp file beside the target, fsync, rename, fsync the folder. Readers see
 * the old file or the whole new one; a failure at any step leaves no temp file.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fh = await fsp.open(tmp, 'wx');
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await assertLockHeld();
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    // Writes through a file handle report no path; say which file it was (for the plain message).
    const e = err as NodeJS.ErrnoException;
    if (e && typeof e === 'object' && e.code && e.path === undefined) e.path = tmp;
    throw err;
  }
  await fsyncDir(path.dirname(file));
}

/** Makes a rename durable. Some platforms (Windows) cannot open a folder; the rename is still atomic there. */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(dir, 'r');
    await fh.sync();
  } catch {
    // best effort, see above
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** Moves an unreadable file to `<name>.corrupt-<timestamp>.json` beside it; returns the new path. */
export async function moveAside(file: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = file.endsWith('.json') ? file.slice(0, -'.json'.length) : file;
  let target = `${base}.corrupt-${stamp}.json`;
  for (let n = 1; await exists(target); n++) target = `${base}.corrupt-${stamp}-${n}.json`;
  await fsp.rename(file, target);
  await fsyncDir(path.dirname(file));
  return target;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(l10n.t('{0} cannot be read: {1}', file, reason));
    this.name = 'CorruptFileError';
  }
}

/** lowdb adapter over the functions above; `read` throws CorruptFileError instead of guessing. */
export class AtomicJsonAdapter<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly opts: { pretty?: boolean; check?: ShapeCheck } = {},
  ) {}

  async read(): Promise<T | null> {
    const r = await readJsonFile<T>(this.file, this.opts.check);
    if (r.kind === 'corrupt') throw new CorruptFileError(this.file, r.reason);
    return r.kind === 'ok' ? r.data : null;
  }

  write(data: T): Promise<void> {
    return writeJsonAtomic(this.file, data, this.opts);
  }
}
