// Changes flow as deltas (issue 12):
// - store.changeToTreeMs50k: a tag written by another process (another store
//   instance, as another window or the CLI) until this window's tree groups
//   show it, at 50,000 items: watcher event -> reload through the shard cache
//   -> filter and group. Baseline in the same run: the same reload with no
//   shard cache (every shard parsed again), as a window without the cache would.
// - journal.deltaBytes: bytes posted to the journal panel for one tag change
//   at 10,000 items, against the full snapshot it used to send (target < 10 KB).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Feedback, Journal } from '../src/core/model';
import { CURRENT_SCHEMA_VERSION } from '../src/core/model';
import { Taxonomy, DEFAULT_CATEGORIES } from '../src/core/taxonomy';
import { EMPTY_FILTER, compileFilter } from '../src/core/browse/filter';
import { groupFeedback } from '../src/core/browse/group';
import { JournalStore, type JournalChange } from '../src/store';
import { JournalController } from '../src/features/journal/journalController';
import type { HostMessage } from '../src/protocol';
import { makeItems } from './store.bench';

const engineer = { login: 'bench', host: 'github.com' };
const round = (n: number) => Math.round(n * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function changeToTree(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rm-bench-delta-'));
  try {
    const items = makeItems();
    const writer = await new JournalStore({ rootDir: dir }).open(engineer);
    for (let i = 0; i < items.length; i += 5_000) await writer.upsertFeedback(items.slice(i, i + 5_000));
    const taxonomy = new Taxonomy(DEFAULT_CATEGORIES);
    const test = compileFilter({ ...EMPTY_FILTER }, engineer.login);
    const window = await new JournalStore({ rootDir: dir, watchDebounceMs: 20 }).open(engineer);
    await window.load();
    const other = await new JournalStore({ rootDir: dir }).open(engineer);
    const times: number[] = [];
    const coldTimes: number[] = [];
    for (let round_ = 0; round_ < 5; round_++) {
      const id = items[(round_ * 7919) % items.length]!.id;
      const seen = new Promise<number>((resolve) => {
        const w = window.watch((c: JournalChange) => {
          if (c.origin !== 'disk') return;
          void window.load().then((j) => {
            const groups = groupFeedback(Object.values(j.feedback).filter(test), 'category', taxonomy);
            const shown = groups.some((g) => g.key === 'category:security');
            w.dispose();
            resolve(shown ? performance.now() : NaN);
          });
        });
      });
      const t0 = performance.now();
      await other.updateFeedback([id], (f) => (f.tags = [{ category: 'security', source: 'manual', at: new Date().toISOString(), by: 'bench' }]));
      times.push((await seen) - t0);
      // Baseline: what a window without the shard cache pays after the same event.
      const t1 = performance.now();
      const fresh = await new JournalStore({ rootDir: dir }).open(engineer);
      const j = await fresh.load();
      groupFeedback(Object.values(j.feedback).filter(test), 'category', taxonomy);
      coldTimes.push(performance.now() - t1);
      await other.updateFeedback([id], (f) => (f.tags = []));
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      'store.changeToTreeMs50k': round(median(times)),
      'store.changeToTreeMs50k.baselineNoCacheMs': round(median(coldTimes)),
      'store.changeToTreeMs50k.debounceMs': 20,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function deltaBytes(): Promise<Record<string, number>> {
  const items: Feedback[] = makeItems().slice(0, 10_000).map((f) => ({ ...f, author: engineer.login }));
  const journal: Journal = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    engineer,
    syncedUntil: null,
    feedback: Object.fromEntries(items.map((f) => [f.id, f])),
    entries: [],
  };
  const sent: HostMessage[] = [];
  let deliver: (m: unknown) => void = () => undefined;
  const listeners = new Set<(e: typeof engineer, c?: { feedback: string[] | 'all'; meta: boolean }) => void>();
  const backend = {
    load: async () => journal,
    categories: () => DEFAULT_CATEGORIES,
    onDidChange: (l: (e: typeof engineer, c?: { feedback: string[] | 'all'; meta: boolean }) => void) => (listeners.add(l), { dispose: () => listeners.delete(l) }),
  } as unknown as ConstructorParameters<typeof JournalController>[2];
  const port = {
    postMessage: async (m: HostMessage) => (sent.push(m), true),
    onDidReceiveMessage: (l: (m: unknown) => void) => ((deliver = l), { dispose: () => undefined }),
  };
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const controller = new JournalController(engineer, port, backend, silent);
  deliver({ type: 'ready' });
  while (sent.length === 0) await new Promise((r) => setTimeout(r, 5));
  const snapshotBytes = Buffer.byteLength(JSON.stringify(sent[0]));
  const target = items[4_242]!;
  journal.feedback[target.id] = { ...target, tags: [{ category: 'testing', source: 'manual', at: new Date().toISOString(), by: 'bench' }] };
  listeners.forEach((l) => l(engineer, { feedback: [target.id], meta: false }));
  while (sent.length < 2) await new Promise((r) => setTimeout(r, 5));
  controller.dispose();
  const delta = sent[1]!;
  if (delta.type !== 'journal/didChangeItems') throw new Error(`expected a delta, got ${delta.type}`);
  return { 'journal.deltaBytes': Buffer.byteLength(JSON.stringify(delta)), 'journal.deltaBytes.baselineSnapshotBytes': snapshotBytes };
}

export async function run(): Promise<Record<string, number>> {
  const load = loadavg()[0]!;
  return { ...(await deltaBytes()), ...(await changeToTree()), 'delta.loadAverage': round(load) };
}
