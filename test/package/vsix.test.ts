// The .vsix as it would be uploaded to the Marketplace or Open VSX: its
// entries are read from the zip itself, and the package must hold what the
// extension needs and nothing else (no tests, maps, fixtures), within 2 MB.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { packageVsix } from './build';
import { REQUIRED, VSIX_BUDGET_BYTES, vsixProblems, type VsixEntry } from './vsixRules';

/** Entry names and sizes, and the text of the entries asked for. */
async function readZip(file: string, want: string[] = []): Promise<{ entries: VsixEntry[]; files: Map<string, Buffer> }> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const entries: VsixEntry[] = [];
  const files = new Map<string, Buffer>();
  try {
    for await (const e of zip.eachEntry()) {
      entries.push({ name: e.fileName, size: e.uncompressedSize });
      if (want.includes(e.fileName)) {
        const chunks: Buffer[] = [];
        for await (const c of await zip.openReadStreamPromise(e)) chunks.push(c as Buffer);
        files.set(e.fileName, Buffer.concat(chunks));
      }
    }
  } finally {
    zip.close();
  }
  return { entries, files };
}

describe('the .vsix package', () => {
  let dir: string;
  let vsix: string;
  let entries: VsixEntry[];
  let files: Map<string, Buffer>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rm-vsix-'));
    vsix = packageVsix(dir);
    ({ entries, files } = await readZip(vsix, ['extension/package.json', 'extension/media/icon.png']));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('ships what the extension needs and no tests, source maps, fixtures or sources, within 2 MB', () => {
    assert.deepEqual(vsixProblems(entries, statSync(vsix).size), []);
  });

  it('carries a 128x128 PNG icon and gallery metadata in its manifest', () => {
    const png = files.get('extension/media/icon.png')!;
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    const manifest = JSON.parse(files.get('extension/package.json')!.toString('utf8'));
    assert.equal(manifest.icon, 'media/icon.png');
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  });
});

describe('package rules (checked on lists that break them)', () => {
  const good: VsixEntry[] = REQUIRED.map((name) => ({ name, size: 1000 }));

  it('accepts the required files alone', () => assert.deepEqual(vsixProblems(good, 10_000), []));

  it('names each file that must not ship', () => {
    const bad = [
      'extension/dist/extension.js.map',
      'extension/test/unit/core/manifest.test.ts',
      'extension/dist/webview/journal.css.map',
      'extension/test-results/webview/overview-dark.png',
      'extension/data/classifier/train.jsonl',
      'extension/dist/fixtures/journal.json',
      'extension/dist/sandbox.js',
      'extension/src/extension.ts',
      'extension/node_modules/zod/index.js',
      'extension/foo.spec.js',
    ];
    const problems = vsixProblems([...good, ...bad.map((name) => ({ name, size: 10 }))], 10_000);
    for (const b of bad) assert.ok(problems.some((p) => p.startsWith(b)), `${b} not reported in ${problems.join('; ')}`);
  });

  it('reports a missing bundle and a package over the budget', () => {
    const problems = vsixProblems(good.filter((e) => e.name !== 'extension/dist/extension.js'), VSIX_BUDGET_BYTES + 1);
    assert.ok(problems.some((p) => /over the 2 MB budget/.test(p)));
    assert.ok(problems.includes('extension/dist/extension.js is missing'));
  });
});
