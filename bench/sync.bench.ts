// Sync cost for one engineer with 100 PRs, with 100 ms latency per request:
// GraphQL sync (cold and warm) against a naive REST client. Prints request
// counts, GraphQL cost and wall times; ratios are what to compare.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sameLogin } from '../src/core/model';
import type { Dataset } from '../src/demo/dataset';
import { createGitHubClient } from '../src/github/client';
import { syncEngineer } from '../src/github/sync';
import { JournalStore } from '../src/store';
import { generateDataset, startSandbox } from '../sandbox';
import { naiveRestSync } from './naiveRestClient';

const LOGIN = 'priya-dev';
const LATENCY_MS = 100;

/** Keeps exactly `count` PRs in which LOGIN received or gave feedback. */
function datasetWith(count: number): Dataset {
  const data = generateDataset({ prs: 600 });
  const involved = data.pullRequests.filter(
    (pr) => sameLogin(pr.author, LOGIN) || pr.reviews.some((r) => sameLogin(r.author, LOGIN)) || pr.comments.some((c) => sameLogin(c.author, LOGIN)) || pr.threads.some((t) => t.comments.some((c) => sameLogin(c.author, LOGIN))),
  );
  if (involved.length < count) throw new Error(`only ${involved.length} PRs involve ${LOGIN}`);
  return { ...data, pullRequests: involved.slice(-count) };
}

export async function run(): Promise<Record<string, number | string | boolean>> {
  const data = datasetWith(100);
  const sandbox = await startSandbox({ port: 0, data, latencyMs: LATENCY_MS });
  const dir = mkdtempSync(join(tmpdir(), 'rm-bench-sync-'));
  try {
    const token = sandbox.tokenFor(LOGIN);
    const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const client = createGitHubClient({ serverUrl: sandbox.url, getToken: async () => token, logger });
    const engineer = { login: LOGIN, host: client.host };
    const handle = await new JournalStore({ rootDir: dir }).open(engineer);
    // The sandbox builds GitHub's schema on first use (~0.3 s); not sync's cost.
    await client.graphql('ReviewMentorViewer', 'query ReviewMentorViewer { viewer { login } }', {});

    // Time spent waiting for GitHub (latency + the sandbox executing the query).
    let fetchMs = 0;
    const graphql = client.graphql.bind(client);
    (client as { graphql: typeof client.graphql }).graphql = async (...a) => {
      const t0 = performance.now();
      try {
        return await graphql(...(a as Parameters<typeof graphql>));
      } finally {
        fetchMs += performance.now() - t0;
      }
    };
    let writeMs = 0;
    const timed = {
      load: () => handle.load(),
      updateMeta: (fn: Parameters<typeof handle.updateMeta>[0]) => handle.updateMeta(fn),
      upsertFeedback: async (...a: Parameters<typeof handle.upsertFeedback>) => {
        const t = performance.now();
        await handle.upsertFeedback(...a);
        writeMs += performance.now() - t;
      },
    };
    let t = performance.now();
    const cold = await syncEngineer({ client, handle: timed, engineer });
    const coldWallMs = performance.now() - t;
    const coldFetchMs = fetchMs;
    const comments = Object.keys((await handle.load()).feedback).length;

    t = performance.now();
    const warm = await syncEngineer({ client, handle, engineer });
    const warmWallMs = performance.now() - t;

    // The reconcile pass, forced due: open PRs and PRs active in the last 14 days, by id.
    t = performance.now();
    const reconcile = await syncEngineer({ client, handle, engineer, reconcileEveryMs: 0 });
    const reconcileWallMs = performance.now() - t;

    // Naive REST, against the same sandbox (same data, same latency).
    t = performance.now();
    const naive = await naiveRestSync(sandbox.apiUrl, token, LOGIN);
    const naiveWallMs = performance.now() - t;

    return {
      'sync.prs': cold.prs,
      'sync.comments': comments,
      'sync.cold.requests': cold.requests,
      'sync.cold.graphqlCost': cold.graphqlCost,
      'sync.cold.wallMs': Math.round(coldWallMs),
      'sync.cold.fetchMs': Math.round(coldFetchMs),
      'sync.cold.journalWriteMs': Math.round(writeMs),
      'sync.cold.naiveRestRequests': naive.requests,
      'sync.cold.naiveRestComments': naive.comments,
      'sync.cold.naiveRestWallMs': Math.round(naiveWallMs),
      'sync.cold.naiveRestServedBy': 'sandbox',
      'sync.warm.requests': warm.requests,
      'sync.warm.graphqlCost': warm.graphqlCost,
      'sync.warm.wallMs': Math.round(warmWallMs),
      'sync.warm.reconcileDue': warm.byId.reconciled,
      'sync.reconcile.prs': reconcile.byId.prs,
      'sync.reconcile.requests': reconcile.byId.requests,
      'sync.reconcile.totalRequests': reconcile.requests,
      'sync.reconcile.graphqlCost': reconcile.graphqlCost,
      'sync.reconcile.wallMs': Math.round(reconcileWallMs),
      'sync.requestRatioNaiveVsGraphql': Math.round((naive.requests / cold.requests) * 10) / 10,
      'sync.latencyMs': LATENCY_MS,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sandbox.close();
  }
}
