// Builds the files of a demo clone from the dataset's diff hunks, so that past
// review comments land on real lines: each hunk's new side is written at the
// line numbers its header names. Used by the demo and the end-to-end tests.
import type { Dataset } from './dataset';
import { hunkNewSide } from '../core/relocate';

const HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function demoClone(dataset: Dataset, repo: string): Map<string, string> {
  const files = new Map<string, string[]>();
  for (const pr of dataset.pullRequests) {
    if (pr.repo !== repo) continue;
    for (const thread of pr.threads) {
      const start = Number(HEADER.exec(thread.diffHunk)?.[1] ?? NaN);
      if (!Number.isFinite(start) || start < 1) continue;
      const lines = files.get(thread.path) ?? [];
      hunkNewSide(thread.diffHunk).forEach((text, i) => {
        lines[start - 1 + i] = text;
      });
      files.set(thread.path, lines);
    }
  }
  const out = new Map<string, string>();
  for (const [path, lines] of files) {
    out.set(path, Array.from(lines, (l) => l ?? '').join('\n') + '\n');
  }
  return out;
}
