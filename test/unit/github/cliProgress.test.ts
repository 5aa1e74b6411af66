// The CLI's progress line: drawn in place on a terminal, silent elsewhere.
import { strict as assert } from 'node:assert';
import { createProgress } from '../../../src/cli/progress';

function stream(isTTY: boolean, columns = 80) {
  const out: string[] = [];
  return { out, s: { isTTY, columns, write: (t: string) => out.push(t) } };
}

describe('cli progress', () => {
  it('writes nothing when the stream is not a terminal', () => {
    const { out, s } = stream(false);
    const p = createProgress(s);
    p.update('priya-dev: 3 of about 40 pull requests');
    p.clear();
    assert.deepEqual(out, []);
  });

  it('redraws one line on a terminal, at most once per interval, and clears it', () => {
    const { out, s } = stream(true);
    let t = 0;
    const p = createProgress(s, { intervalMs: 100, now: () => t });
    p.update('a');
    t = 50;
    p.update('b'); // too soon: skipped
    t = 150;
    p.update('c');
    p.clear();
    p.clear(); // nothing drawn since: nothing to clear
    assert.deepEqual(out, ['\ra\x1b[K', '\rc\x1b[K', '\r\x1b[K']);
  });

  it('cuts a line longer than the terminal', () => {
    const { out, s } = stream(true, 30);
    createProgress(s).update('x'.repeat(100));
    assert.equal(out[0], `\r${'x'.repeat(28)}…\x1b[K`);
  });
});
