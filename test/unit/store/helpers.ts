// Shared test helpers: a fresh temp folder per test and typed feedback builders.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Feedback, Tag } from '../../../src/core/model';
import type { StoreProblem } from '../../../src/store';

/**
 * `inMemory` puts the folder on tmpfs where there is one: the multi-process
 * tests check locking and atomic replace against killed processes, which the
 * page cache survives either way, and disk fsync latency on a busy machine
 * would only make them slow. fsync itself matters for power loss, which no
 * test here can cause; the benchmark measures it on the real disk.
 */
export function tempDir(opts: { inMemory?: boolean } = {}): { dir: string; cleanup(): void } {
  const base = opts.inMemory && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(path.join(base, 'rm-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function feedback(id: string, pr = 1, over: Partial<Feedback> = {}): Feedback {
  return {
    id,
    kind: 'review-comment',
    prUrl: `https://github.com/acme/app/pull/${pr}`,
    repo: 'acme/app',
    prNumber: pr,
    path: 'src/a.ts',
    line: 3,
    author: 'ada',
    reviewer: 'bob',
    body: `Comment ${id}: please add a test for the error path.`,
    url: `https://github.com/acme/app/pull/${pr}#discussion_${id}`,
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    isResolved: false,
    tags: [],
    ...over,
  };
}

export function tag(category: string, over: Partial<Tag> = {}): Tag {
  return { category, source: 'manual', at: '2026-02-01T00:00:00.000Z', by: 'bob', ...over };
}

export function problems(): { list: StoreProblem[]; onProblem: (p: StoreProblem) => void } {
  const list: StoreProblem[] = [];
  return { list, onProblem: (p) => list.push(p) };
}

export const ada = { login: 'ada', host: 'github.com' };
