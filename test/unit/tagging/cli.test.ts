import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClassifier } from '../../../src/core/classifier';

const root = join(__dirname, '..', '..', '..');

function classify(input: string, args: string[] = []) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'classify', ...args], { cwd: root, input, encoding: 'utf8' });
  const lines = r.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code: r.status, lines, stderr: r.stderr };
}

describe('review-mentor classify', function () {
  this.timeout(90_000); // spawns the CLI through tsx, slow on a loaded machine

  it('answers each line with the extension classifier', () => {
    const bodies = ['Please add a unit test for the empty case.', 'praise: lovely work', 'The token is logged in plain text.', ''];
    const input = bodies.map((body, i) => JSON.stringify({ id: `c${i}`, body })).join('\n') + '\n';
    const { code, lines } = classify(input);
    assert.equal(code, 0);
    const expected = createClassifier();
    assert.deepEqual(
      lines,
      bodies.map((body, i) => {
        const r = expected.classify(body);
        return { id: `c${i}`, category: r.category, group: r.group, confidence: r.confidence, suggest: r.suggest };
      }),
    );
    // The labelled line is shown; the empty body is a best guess the product would not show.
    assert.equal(lines[1]!.suggest, true);
    assert.equal(lines[3]!.suggest, false);
  });

  it('reports malformed lines in place, continues, and exits 1', () => {
    const input = ['{"id":1,"body":"Nice work!"}', 'not json', '[1]', '{"id":2}', '{"body":"no id"}', '', '{"id":3,"body":"Great job"}'].join('\r\n');
    const { code, lines, stderr } = classify(input);
    assert.equal(code, 1);
    assert.deepEqual(
      lines.map((l) => [l.id, l.line ?? null, 'error' in l]),
      [[1, null, false], [null, 2, true], [null, 3, true], [2, 4, true], [null, 5, true], [3, null, false]],
    );
    assert.match(stderr, /line 2: not valid JSON/);
  });

  it('uses the corrections file when given, and fails clearly when it cannot read it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rm-classify-'));
    const file = join(dir, 'classifier-corrections.json');
    const at = '2026-01-01T00:00:00Z';
    const corrections = ['Add an aria-label to this button.', 'This image needs alt text for screen readers.', 'Add an aria-label to the close icon.'].map((body) => ({ body, category: 'accessibility', at }));
    writeFileSync(file, JSON.stringify({ version: 1, corrections }));
    const body = JSON.stringify({ id: 'x', body: 'The menu button is missing an aria-label for screen readers.' }) + '\n';
    assert.notEqual(classify(body).lines[0]!.category, 'accessibility');
    assert.equal(classify(body, ['--corrections', file]).lines[0]!.category, 'accessibility');
    const missing = classify(body, ['--corrections', join(dir, 'nope.json')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read corrections/);
  });
});
