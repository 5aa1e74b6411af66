// The bundles loaded on first use: found beside the extension, built and
// shipped, and a missing or broken one is reported in words, not as a crash
// the user never sees explained.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAZY_BUNDLES, LazyBundleError, loadLazyBundle } from '../../../src/platform/lazyBundle';

describe('lazily loaded bundles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rm-lazy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a bundle from the folder given and returns its exports', () => {
    writeFileSync(join(dir, 'summary.js'), 'exports.renderSummary = () => "summary";');
    const mod = loadLazyBundle<{ renderSummary(): string }>('summary', dir);
    assert.equal(mod.renderSummary(), 'summary');
  });

  it('reports a missing bundle in one sentence that names the file and the remedy', () => {
    assert.throws(
      () => loadLazyBundle('summary', dir),
      (err: unknown) => {
        assert.ok(err instanceof LazyBundleError);
        assert.equal(err.file, 'summary.js');
        assert.match(err.message, /^A part of Review Mentor is missing or damaged \(dist\/summary\.js: Cannot find module .*summary\.js'?\)\. Reinstall the extension\.$/);
        assert.ok(!err.message.includes('\n'), 'no require stack in the message');
        return true;
      },
    );
  });

  it('reports a damaged bundle (one that fails while loading) the same way, keeping the cause', () => {
    writeFileSync(join(dir, 'my-reviews.js'), 'throw new Error("truncated");');
    assert.throws(
      () => loadLazyBundle('myReviews', dir),
      (err: unknown) =>
        err instanceof LazyBundleError &&
        err.message === 'A part of Review Mentor is missing or damaged (dist/my-reviews.js: truncated). Reinstall the extension.' &&
        err.cause instanceof Error &&
        err.cause.message === 'truncated',
    );
  });

  it('is built by esbuild.config.mjs and shipped by .vscodeignore, every one', () => {
    const config = readFileSync('esbuild.config.mjs', 'utf8');
    const shipped = readFileSync('.vscodeignore', 'utf8').split('\n');
    for (const file of Object.values(LAZY_BUNDLES)) {
      assert.ok(config.includes(`outfile: 'dist/${file}'`), `esbuild.config.mjs builds dist/${file}`);
      assert.ok(shipped.includes(`!dist/${file}`), `.vscodeignore ships dist/${file}`);
    }
  });
});
