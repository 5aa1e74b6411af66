// Helpers for tests that run writer.ts in child processes and check what they
// reported against what is on disk.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Journal } from '../../../src/core/model';
import { JournalStore, journalPaths } from '../../../src/store';
import { ada, feedback } from './helpers';

export const WRITER = path.join(__dirname, 'fixtures', 'writer.ts');

export async function seedJournal(rootDir: string): Promise<void> {
  const h = await new JournalStore({ rootDir, shardCount: 16 }).open(ada);
  await h.upsertFeedback(Array.from({ length: 20 }, (_, i) => feedback(`seed-${i}`, i)));
}

export interface Writer {
  child: ChildProcess;
  /** Lines printed so far. */
  lines: string[];
  stderr: string[];
  exited: Promise<number | null>;
  /** Resolves when a line equal to `line` was printed (or the process ended). */
  waitFor(line: string): Promise<boolean>;
}

export function startWriter(args: string[], cmd: string[]): Writer {
  const child = spawn(process.execPath, [...cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const stderr: string[] = [];
  const waiters: { line: string; resolve: (ok: boolean) => void }[] = [];
  let buffered = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((w) => w.line === line)) w.resolve(true);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => stderr.push(c));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      waiters.forEach((w) => w.resolve(false));
      resolve(code);
    }),
  );
  return {
    child,
    lines,
    stderr,
    exited,
    waitFor: (line) => (lines.includes(line) ? Promise.resolve(true) : new Promise((resolve) => waiters.push({ line, resolve }))),
  };
}

/** Every file of the journal parses as JSON on its own (no store repair involved). */
export function assertAllFilesParse(rootDir: string): void {
  const p = journalPaths(rootDir, ada);
  JSON.parse(readFileSync(p.main, 'utf8'));
  for (const name of readdirSync(p.shardDir)) {
    if (!name.endsWith('.json')) continue;
    if (name.includes('.corrupt-')) throw new Error(`a shard was set aside: ${name}`);
    JSON.parse(readFileSync(path.join(p.shardDir, name), 'utf8'));
  }
}

/** Reported writes that the journal does not contain. */
export function missingReported(journal: Journal, lines: string[]): string[] {
  const missing: string[] = [];
  for (const line of lines) {
    const [what, id, mark] = line.split(' ');
    if (what === 'tag' && !journal.feedback[id!]?.tags.some((t) => t.category === mark)) missing.push(line);
    if (what === 'pr' && !journal.feedback[id!]) missing.push(line);
    if (what === 'entry' && !journal.entries.some((e) => e.id === id)) missing.push(line);
  }
  return missing;
}
