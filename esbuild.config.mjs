// Builds the bundles: the extension host code (dist/extension.js and the
// bundles it loads on first use), the CLI, the sandbox and the webview front end.
// `node esbuild.config.mjs` builds for development, `--production` minifies,
// `--watch` rebuilds on change, `--analyze` also prints the biggest inputs of
// the extension's bundles (esbuild's metafile). Source maps are always written.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { copyWebviewAssets, webviewBuildOptions } from './build/webview.mjs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const watch = process.argv.includes('--watch');
const analyze = process.argv.includes('--analyze');
// Bundles that hold the GitHub client: zod without its locales and JSON Schema
// converters, and @octokit/rest without its generated REST method table
// (see the two files in build/); both are unused and large.
const withoutRestMethods = { zod: './build/zod-slim.mjs', '@octokit/plugin-rest-endpoint-methods': './build/octokit-rest-methods-slim.mjs' };

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'info',
  legalComments: 'linked',
};

// The extension and CLI bundles stay small: the classifier's model ships beside
// them as JSON (read once when first needed) instead of as a 95 KB string
// inside each, and zod comes without its locales (see build/zod-slim.mjs).
const MODEL_TS = 'src/core/classifier/model.generated.ts';
const MODEL_JSON = 'dist/classifier-model.json';
/** @type {import('esbuild').Plugin} */
const modelBesideBundle = {
  name: 'classifier-model-beside-bundle',
  setup(build) {
    build.onResolve({ filter: /\/model\.generated$/ }, () => ({ path: 'classifier-model', namespace: 'rm-model' }));
    build.onLoad({ filter: /.*/, namespace: 'rm-model' }, () => ({
      contents: `const { readFileSync } = require('node:fs');
const { join } = require('node:path');
export const BASE_MODEL = JSON.parse(readFileSync(join(__dirname, 'classifier-model.json'), 'utf8'));`,
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};

function writeModelJson() {
  const source = readFileSync(MODEL_TS, 'utf8');
  const literal = source.slice(source.indexOf('JSON.parse(') + 'JSON.parse('.length, source.lastIndexOf(')'));
  mkdirSync('dist', { recursive: true });
  writeFileSync(MODEL_JSON, JSON.parse(literal));
}

/** Loaded by the extension on first use (src/platform/lazyBundle.ts names them). */
const LAZY_BUNDLE_FILES = ['dist/demo.js', 'dist/my-reviews.js', 'dist/summary.js'];

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // lowdb and Octokit are ESM-only; esbuild turns them into CommonJS here.
    mainFields: ['module', 'main'],
    alias: withoutRestMethods,
    plugins: [modelBesideBundle],
  },
  {
    // "Open demo data" loads the generator on demand, keeping it out of activation.
    ...common,
    entryPoints: ['src/demo/generate.ts'],
    outfile: 'dist/demo.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // The My reviews panel host loads on first use, keeping it out of activation.
    ...common,
    entryPoints: ['src/features/mirror/panelModule.ts'],
    outfile: 'dist/my-reviews.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    alias: { zod: './build/zod-slim.mjs' },
  },
  {
    // "Export summary..." loads the summary builder and renderers on first use
    // (src/platform/lazyBundle.ts), keeping them out of activation.
    ...common,
    entryPoints: ['src/core/summary/render.ts'],
    outfile: 'dist/summary.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // stopword's ES module build, which esbuild trims to the English list (210 KB as CommonJS).
    mainFields: ['module', 'main'],
    alias: { zod: './build/zod-slim.mjs' },
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
    mainFields: ['module', 'main'],
    alias: withoutRestMethods,
    // The model travels beside it (dist/classifier-model.json), in the .vsix
    // and in the CLI package (cli-package/).
    plugins: [modelBesideBundle],
  },
  {
    // The sandbox GitHub for tests, the demo and benchmarks: a dev tool, never
    // packaged (.vscodeignore lists what ships). Reads GitHub's schema from
    // node_modules at run time, so it runs from a checkout only.
    ...common,
    entryPoints: ['sandbox/main.ts'],
    outfile: 'dist/sandbox.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
  },
  { ...common, ...webviewBuildOptions },
];

function copyStaticAssets() {
  writeModelJson();
  copyWebviewAssets();
}

if (watch) {
  copyStaticAssets();
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(analyze ? { ...b, metafile: true } : b)));
  copyStaticAssets();
  if (analyze) await printAnalysis(results);
}

/** The extension host's bundles (not the CLI, sandbox or webview), biggest inputs first. */
async function printAnalysis(results) {
  for (const [i, result] of results.entries()) {
    const out = builds[i].outfile;
    if (out === 'dist/extension.js' || LAZY_BUNDLE_FILES.includes(out)) console.log(await esbuild.analyzeMetafile(result.metafile));
  }
}
