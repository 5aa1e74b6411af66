// The end of every journey (run.mjs calls it): the workbench and the
// extension host logged no errors, and memory is within bounds. A journey that
// provokes errors on purpose (a rate limit, a refused token) lists them in its
// `expectedErrors` export; everything else is a failure.
import { readFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './harness.mjs';

/**
 * Messages code-server 4.100 logs in a healthy session with no extension of
 * ours involved; each is explained. Keep this list short and specific.
 */
export const BENIGN = [
  // code-server does not ship VS Code's closed-source "vsda" signing module; the web workbench asks for it and gets a 404.
  /Failed to load resource: the server responded with a status of 404 .*\/vsda\/rust\/web\/vsda(_bg\.wasm|\.js)/,
  // The machine is offline: code-server's extension gallery (open-vsx.org) cannot be resolved. The
  // workbench logs it twice and the server once; nothing of ours is involved.
  /open-vsx\.org/,
  // Reloading the web workbench (h.reload(), "Developer: Reload Window"): VS Code's own shutdown
  // participants (remote disconnect, chat sessions) log that the web cannot wait for them.
  /\[lifecycle\] Long running operations during shutdown are unsupported in the web/,
  // ...and the window log's last flush races the page unloading its IndexedDB during that reload.
  /Unable to write file 'vscode-log:.*IndexedDB database 'vscode-web-db' is closed/,
  // VS Code's task service gives each task provider 5 s (workbench.js logs "Timed out getting tasks from
  // <type>"); the built-in TypeScript extension, which looks for tsconfig.json files in the workspace,
  // misses that on a loaded machine. Review Mentor provides no tasks.
  /Timed out getting tasks from /,
  // code-server's server process (not the extension host, where Review Mentor runs) logs a SIGPIPE it
  // received once at start-up under heavy load, before our extension had activated (engineers journey).
  /remoteagent\.log: .*\[error\] Error: Unexpected SIGPIPE/,
];

/** Memory bounds for one journey's workbench page and extension host, measured on this machine (code-server 4.100.3, Chromium). */
export const BOUNDS = {
  /** JS heap of the workbench page after a forced GC (healthy journeys: 50-60 MB; the issue-11 loop reached 3.9 GB). */
  workbenchHeapMb: 250,
  /** DOM nodes of the workbench page (healthy: 2,000-4,000; the loop reached 1.7 million). */
  workbenchNodes: 40_000,
  /** Resident memory of the extension host process (healthy: 150-200 MB; the loop reached 1.1 GB). */
  extensionHostRssMb: 600,
};

function errorLines(text) {
  return text.split(/\r?\n/).filter((l) => /\[error\]/i.test(l));
}

/** Extension host log lines at error level (every session of this journey), and our own channel's. */
export function hostErrors(userDataDir) {
  const logs = join(userDataDir, 'logs');
  const files = listFiles(logs).filter((f) => /exthost\d*\/exthost\.log$/.test(f) || f.endsWith('Review Mentor.log') || /remoteagent\.log$/.test(f));
  return files.flatMap((f) => errorLines(readFileSync(join(logs, f), 'utf8')).map((l) => `${f.split('/').slice(-2).join('/')}: ${l}`));
}

/** Resident memory (MB) of the extension host processes started by this journey's code-server (its process group). */
export function extensionHostRssMb(pgid) {
  const out = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // pgrp
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!/extensionHost/.test(cmd)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) out.push(Number(rss[1]) / 1024);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return out;
}

/** Workbench JS heap (after GC) and DOM node count, through the Chrome DevTools Protocol. */
export async function workbenchMemory(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    return { heapMb: m.JSHeapUsedSize / 1e6, nodes: m.Nodes };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Checks the journey's harness; throws one error naming every problem. `expected`
 * are regexes for errors the journey provoked on purpose.
 */
export async function checkHealth(h, expected = []) {
  const allowed = (line) => [...BENIGN, ...expected].some((re) => re.test(line));
  const problems = [];
  const page = [...h.pageErrors.map((e) => `page error: ${e}`), ...h.consoleErrors.map((e) => `console error: ${e}`)].filter((l) => !allowed(l));
  const host = hostErrors(h.userDataDir).filter((l) => !allowed(l));
  if (page.length) problems.push(`the workbench logged ${page.length} error(s):\n  ${page.slice(0, 8).join('\n  ')}`);
  if (host.length) problems.push(`the extension host logged ${host.length} error(s):\n  ${host.slice(0, 8).join('\n  ')}`);
  let memory = '';
  if (h.page) {
    const wb = await workbenchMemory(h.page);
    const rss = h.proc ? extensionHostRssMb(h.proc.pid) : [];
    const hostMb = rss.length ? Math.max(...rss) : 0;
    memory = `workbench heap ${wb.heapMb.toFixed(0)} MB, ${wb.nodes} DOM nodes; extension host ${hostMb.toFixed(0)} MB`;
    if (wb.heapMb > BOUNDS.workbenchHeapMb) problems.push(`workbench JS heap ${wb.heapMb.toFixed(0)} MB > ${BOUNDS.workbenchHeapMb} MB`);
    if (wb.nodes > BOUNDS.workbenchNodes) problems.push(`workbench DOM ${wb.nodes} nodes > ${BOUNDS.workbenchNodes}`);
    if (hostMb > BOUNDS.extensionHostRssMb) problems.push(`extension host ${hostMb.toFixed(0)} MB > ${BOUNDS.extensionHostRssMb} MB`);
  }
  if (problems.length) throw new Error(`health check failed (${memory}):\n${problems.join('\n')}`);
  return memory;
}
