// Journal store: load time and tag-write latency on a journal of 50,000
// feedback items, against the naive layout (one JSON file rewritten per tag),
// measured in the same run on the same disk.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Feedback, Journal } from '../src/core/model';
import { JournalStore, journalPaths } from '../src/store';
import { readJsonFile, writeJsonAtomic } from '../src/store/atomicFile';
import { withFileLock } from '../src/store/lock';

const ITEMS = 50_000;
const PER_PR = 8;
const TAG_WRITES = 200;
const FULL_REWRITE_WRITES = 8;
const engineer = { login: 'bench', host: 'github.com' };

/** Deterministic, realistically sized items: bodies of 40-400 characters, most with a diff hunk. */
export function makeItems(): Feedback[] {
  let seed = 42;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const words = 'please consider extracting this into a helper because the error path is not tested and the name hides what it does'.split(' ');
  const text = (n: number) => Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
  return Array.from({ length: ITEMS }, (_, i) => {
    const pr = Math.floor(i / PER_PR);
    const at = new Date(Date.UTC(2024, 0, 1) + i * 600_000).toISOString();
    const item: Feedback = {
      id: `PRRC_kwDOAbCdEf${i.toString(36).padStart(6, '0')}`,
      kind: 'review-comment',
      prUrl: `https://github.com/acme/repo-${pr % 40}/pull/${pr}`,
      prTitle: text(6),
      repo: `acme/repo-${pr % 40}`,
      prNumber: pr,
      path: `src/module${i % 50}/file${i % 7}.ts`,
      line: 1 + (i % 300),
      author: 'bench',
      reviewer: `reviewer${i % 17}`,
      body: text(8 + Math.floor(rand() * 60)),
      url: `https://github.com/acme/repo-${pr % 40}/pull/${pr}#discussion_r${100000 + i}`,
      createdAt: at,
      updatedAt: at,
      threadId: `PRRT_kwDOAbCdEf${i.toString(36)}`,
      isResolved: rand() < 0.6,
      tags: rand() < 0.5 ? [{ category: 'testing', source: 'suggested', confidence: 0.7, at, by: 'review-mentor' }] : [],
    };
    if (rand() < 0.7) item.diffHunk = `@@ -1,6 +1,8 @@\n ${text(10)}\n-${text(8)}\n+${text(9)}`;
    return item;
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** CPU time (user + system) of this process, in ms: less skewed than wall time when the machine is busy. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .reduce((n, d) => n + statSync(path.join(d.parentPath, d.name)).size, 0);
}

export async function run(): Promise<Record<string, number | string>> {
  const root = mkdtempSync(path.join(tmpdir(), 'rm-store-bench-'));
  try {
    const items = makeItems();
    const seedStart = performance.now();
    await (await new JournalStore({ rootDir: root }).open(engineer)).upsertFeedback(items, { syncedUntil: new Date().toISOString() });
    const seedMs = performance.now() - seedStart;
    const journalBytes = folderBytes(root);

    // Load: a fresh store each time, as a new window would; median of 5.
    const loads: number[] = [];
    const loadCpu: number[] = [];
    let journal: Journal | undefined;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const c0 = cpuMs();
      journal = await (await new JournalStore({ rootDir: root }).open(engineer)).load();
      loads.push(performance.now() - t0);
      loadCpu.push(cpuMs() - c0);
    }
    loadCpu.sort((a, b) => a - b);
    if (Object.keys(journal!.feedback).length !== ITEMS) throw new Error('bench journal lost items');
    loads.sort((a, b) => a - b);

    // The floor under any cold load of this layout, in the same run: read every shard and JSON.parse it, keeping the
    // result, with no store code around it. What the store adds is loadMs / this; only fewer bytes get under it.
    const shardDir = journalPaths(root, engineer).shardDir;
    const shardFiles = readdirSync(shardDir).map((n) => path.join(shardDir, n));
    const floor: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const parsed = shardFiles.map((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown);
      floor.push(performance.now() - t0);
      if (parsed.length !== shardFiles.length) throw new Error('bench floor lost a shard');
    }
    floor.sort((a, b) => a - b);

    // Tag writes on a loaded handle (its index is warm, as in the extension).
    const handle = await new JournalStore({ rootDir: root }).open(engineer);
    await handle.load();
    const tagTimes: number[] = [];
    const tagCpu0 = cpuMs();
    for (let i = 0; i < TAG_WRITES; i++) {
      const id = items[(i * 7919) % ITEMS]!.id;
      const t0 = performance.now();
      await handle.updateFeedback([id], (f) => f.tags.push({ category: 'design', source: 'manual', at: new Date().toISOString(), by: 'bench' }));
      tagTimes.push(performance.now() - t0);
    }
    const tagCpuMean = (cpuMs() - tagCpu0) / TAG_WRITES;
    tagTimes.sort((a, b) => a - b);

    // Warm load: the same handle loads again (after a watch event or a write); unchanged shards come from its
    // cache. Shards written less than 2 s ago are always re-read (coarse mtime), so wait that out first.
    await handle.load();
    await new Promise((r) => setTimeout(r, 2100));
    await handle.load();
    const warm: number[] = [];
    const warmCpu: number[] = [];
    const afterTag: number[] = [];
    for (let i = 0; i < 5; i++) {
      let t0 = performance.now();
      const c0 = cpuMs();
      await handle.load();
      warm.push(performance.now() - t0);
      warmCpu.push(cpuMs() - c0);
      await handle.updateFeedback([items[i]!.id], (f) => (f.learnedAt = new Date().toISOString()));
      t0 = performance.now();
      if (Object.keys((await handle.load()).feedback).length !== ITEMS) throw new Error('warm load lost items');
      afterTag.push(performance.now() - t0);
    }
    [warm, warmCpu, afterTag].forEach((a) => a.sort((x, y) => x - y));

    // Baseline: the whole journal in one file, rewritten on every tag, with the same lock and fsync.
    const single = path.join(root, 'single.json');
    await writeJsonAtomic(single, { ...journal!, feedback: journal!.feedback });
    const fullTimes: number[] = [];
    for (let i = 0; i < FULL_REWRITE_WRITES; i++) {
      const id = items[(i * 7919) % ITEMS]!.id;
      const t0 = performance.now();
      await withFileLock(single, {}, async () => {
        const r = await readJsonFile<Journal>(single);
        if (r.kind !== 'ok') throw new Error('baseline file unreadable');
        r.data.feedback[id]!.tags.push({ category: 'design', source: 'manual', at: new Date().toISOString(), by: 'bench' });
        await writeJsonAtomic(single, r.data);
      });
      fullTimes.push(performance.now() - t0);
    }
    fullTimes.sort((a, b) => a - b);
    const tagP50 = percentile(tagTimes, 50);
    const full = percentile(fullTimes, 50);
    return {
      'store.items': ITEMS,
      'store.layout': 'main file + 256 shards by PR URL hash',
      'store.journalMB': round(journalBytes / 1e6),
      'store.loadAvg1m': round(loadavg()[0]!),
      'store.seedMs': round(seedMs),
      'store.loadMs': round(percentile(loads, 50)),
      'store.loadMaxMs': round(loads[loads.length - 1]!),
      'store.loadCpuMs': round(percentile(loadCpu, 50)),
      'store.loadParseFloorMs': round(percentile(floor, 50)),
      'store.loadVsParseFloor': round(percentile(loads, 50) / percentile(floor, 50)),
      'store.warmLoadMs': round(percentile(warm, 50)),
      'store.warmLoadCpuMs': round(percentile(warmCpu, 50)),
      'store.warmLoadAfterTagMs': round(percentile(afterTag, 50)),
      'store.tagWrites': TAG_WRITES,
      'store.tagP50Ms': round(tagP50),
      'store.tagP95Ms': round(percentile(tagTimes, 95)),
      'store.tagMaxMs': round(tagTimes[tagTimes.length - 1]!),
      'store.tagCpuMeanMs': round(tagCpuMean),
      'store.fullRewriteTagMs': round(full),
      'store.tagSpeedupVsFullRewrite': round(full / tagP50),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
