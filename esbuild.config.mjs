// Builds the three bundles: the extension host code, the CLI and the webview front end.
// `node esbuild.config.mjs` builds for development, `--production` minifies,
// `--watch` rebuilds on change. Source maps are always written.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'info',
  legalComments: 'linked',
};

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
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
    mainFields: ['module', 'main'],
  },
  {
    ...common,
    entryPoints: { journal: 'webview-ui/src/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    loader: { '.css': 'css', '.ttf': 'file' },
    tsconfig: 'webview-ui/tsconfig.json',
  },
];

function copyStaticAssets() {
  // The codicon font is loaded by the webview through asWebviewUri, so it must
  // sit inside the bundle folder (the only localResourceRoot).
  mkdirSync('dist/webview', { recursive: true });
  cpSync('node_modules/@vscode/codicons/dist/codicon.css', 'dist/webview/codicon.css');
  cpSync('node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/webview/codicon.ttf');
}

if (watch) {
  copyStaticAssets();
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  copyStaticAssets();
}
