// Finds where a past review comment's line is in today's version of a file.
// GitHub's diffHunk ends at the commented line, so the hunk's last lines (as
// they were after the change) are searched for in the current text, nearest
// to the recorded line first. Survives lines moving up or down.

const CONTEXT_LINES = 4;

/** The new-side lines of a hunk, last one being the commented line. */
export function hunkNewSide(diffHunk: string): string[] {
  return diffHunk
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('@@') && !l.startsWith('-') && !l.startsWith('\\'))
    .map((l) => (l.startsWith('+') || l.startsWith(' ') ? l.slice(1) : l));
}

/**
 * Returns the 1-based line in `fileLines` that best matches the comment, or
 * undefined when neither the recorded line nor the hunk can be placed.
 */
export function relocateLine(fileLines: readonly string[], recordedLine: number | undefined, diffHunk: string | undefined): number | undefined {
  const wanted = diffHunk ? hunkNewSide(diffHunk).slice(-CONTEXT_LINES) : [];
  const significant = wanted.filter((l) => l.trim() !== '');
  if (significant.length === 0) {
    return recordedLine && recordedLine <= fileLines.length ? recordedLine : undefined;
  }
  const matchesAt = (end: number): boolean => {
    // `end` is the 0-based index of the commented line.
    for (let k = 0; k < wanted.length; k++) {
      const idx = end - (wanted.length - 1 - k);
      if (idx < 0 || idx >= fileLines.length) return false;
      if (fileLines[idx]!.trim() !== wanted[k]!.trim()) return false;
    }
    return true;
  };
  const start = recordedLine ? Math.min(Math.max(recordedLine - 1, 0), fileLines.length - 1) : 0;
  // Search outwards from the recorded line so the nearest match wins.
  for (let d = 0; d < fileLines.length; d++) {
    if (start - d >= 0 && matchesAt(start - d)) return start - d + 1;
    if (d > 0 && start + d < fileLines.length && matchesAt(start + d)) return start + d + 1;
    if (start - d < 0 && start + d >= fileLines.length) break;
  }
  // The surrounding code changed too: fall back to the last line alone if it is distinctive.
  const last = wanted[wanted.length - 1]!.trim();
  if (last.length >= 12) {
    const hits = fileLines.map((l, i) => (l.trim() === last ? i : -1)).filter((i) => i >= 0);
    if (hits.length === 1) return hits[0]! + 1;
  }
  return undefined;
}
