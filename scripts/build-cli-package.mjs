// Builds the stand-alone CLI package: copies the production CLI bundle and
// the classifier model (read beside the bundle at run time) into
// cli-package/, checks its version matches the extension's, and packs it:
// `node scripts/build-cli-package.mjs [--out DIR]` writes
// review-mentor-cli-<version>.tgz to DIR (default: the repository root) and
// prints its path. Run after `npm run build:prod` (npm run package:cli does both).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(root, 'cli-package');
const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex > 0 ? process.argv[outIndex + 1] : root);

const rootVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const cliVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
if (rootVersion !== cliVersion) {
  throw new Error(`cli-package/package.json has version ${cliVersion}, the extension ${rootVersion}: make them equal.`);
}
const files = ['dist/cli.js', 'dist/cli.js.LEGAL.txt', 'dist/classifier-model.json'];
for (const f of files) {
  if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run "npm run build:prod" first.`);
}
rmSync(join(pkgDir, 'dist'), { recursive: true, force: true });
mkdirSync(join(pkgDir, 'dist'), { recursive: true });
for (const f of files) copyFileSync(join(root, f), join(pkgDir, f));
copyFileSync(join(root, 'LICENSE'), join(pkgDir, 'LICENSE'));
mkdirSync(out, { recursive: true });
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: pkgDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
process.stdout.write(`${join(out, packed[0].filename)}\n`);
