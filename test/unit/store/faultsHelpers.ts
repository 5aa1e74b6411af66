// Real local faults where this machine allows them, injected ones otherwise:
// - a tiny tmpfs (mount needs root and CAP_SYS_ADMIN) for a full disk, and
//   the same tmpfs remounted read-only for EROFS;
// - fs.promises calls made to fail with a given code, for EMFILE and as the
//   fallback when mounting is not allowed.
// Each test says in its title which one ran.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fsp, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface TinyDisk {
  dir: string;
  readOnly(): void;
  cleanup(): void;
}

/** A tmpfs of `kb` KiB, or undefined when this machine does not let us mount one. */
export function tinyTmpfs(kb: number): TinyDisk | undefined {
  // REVIEW_MENTOR_TEST_NO_MOUNT=1 runs the injected variants on a machine that could mount.
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || process.env['REVIEW_MENTOR_TEST_NO_MOUNT']) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'rm-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' }),
    cleanup: () => {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function fsError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const err = new Error(`${code}: injected, ${syscall} '${file}'`) as NodeJS.ErrnoException;
  err.code = code;
  err.syscall = syscall;
  err.path = file;
  return err;
}

type Fsp = typeof fsp;
type Patchable = 'open' | 'readFile' | 'mkdir' | 'rename';

/**
 * Makes fs.promises[name] fail with `code` for paths `when` accepts, until
 * the returned function is called. The store imports the same fs.promises
 * object, so it sees the fault.
 */
export function injectFault(name: Patchable, code: string, when: (file: string) => boolean): () => void {
  const original = fsp[name] as (...args: unknown[]) => Promise<unknown>;
  (fsp as unknown as Record<string, unknown>)[name] = (file: unknown, ...rest: unknown[]) =>
    when(String(file)) ? Promise.reject(fsError(code, name, String(file))) : original.call(fsp, file, ...rest);
  return () => {
    (fsp as unknown as Record<string, unknown>)[name] = original as Fsp[Patchable];
  };
}

/**
 * A temp file that opens fine and then cannot be written: ENOSPC on the
 * write, as a full disk does. The temp file exists when the write fails.
 */
export function injectFullDiskOnWrite(when: (file: string) => boolean): () => void {
  const original = fsp.open;
  fsp.open = (async (file: Parameters<Fsp['open']>[0], ...rest: unknown[]) => {
    const fh = await (original as (...a: unknown[]) => Promise<Awaited<ReturnType<Fsp['open']>>>).call(fsp, file, ...rest);
    if (!when(String(file))) return fh;
    return new Proxy(fh, {
      get(target, prop, receiver) {
        if (prop === 'writeFile' || prop === 'write') return () => Promise.reject(fsError('ENOSPC', 'write', String(file)));
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }) as Fsp['open'];
  return () => {
    fsp.open = original;
  };
}

/** Every file under `dir` (relative path -> content), to prove nothing changed. */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(d: string): Promise<void> {
    for (const e of await fsp.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        out[`${path.relative(dir, p)}/`] = '';
        await walk(p);
      } else out[path.relative(dir, p)] = await fsp.readFile(p, 'utf8');
    }
  }
  await walk(dir);
  return out;
}

export const tempFiles = (tree: Record<string, string>): string[] => Object.keys(tree).filter((n) => n.includes('.tmp-'));
