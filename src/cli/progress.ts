// Progress for long commands: one line redrawn in place on a terminal, and
// nothing at all when the stream is not a terminal (CI logs, pipes, files),
// so scripts see only results and errors.

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** Shows `text` as the current step (no-op without a terminal). */
  update(text: string): void;
  /** Clears the line so the next output starts clean. */
  clear(): void;
}

/** At most one redraw per `intervalMs`, except the first, so a fast sync does not flood the terminal. */
export function createProgress(stream: ProgressStream, opts: { intervalMs?: number; now?: () => number } = {}): Progress {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  const interval = opts.intervalMs ?? 100;
  const now = opts.now ?? Date.now;
  let last = -Infinity;
  let shown = false;
  return {
    update(text) {
      const t = now();
      if (t - last < interval) return;
      last = t;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const line = text.length > width ? `${text.slice(0, width - 1)}…` : text;
      stream.write(`\r${line}\x1b[K`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
      last = -Infinity;
    },
  };
}
