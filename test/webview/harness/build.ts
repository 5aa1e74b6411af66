// Builds only the webview bundle (same options as esbuild.config.mjs's
// webview entry), so the browser tests do not depend on the extension host
// bundle compiling while other parts of the tree are mid-edit.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

export async function buildWebview(): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    bundle: true,
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'linked',
    logLevel: 'silent',
    entryPoints: { journal: 'webview-ui/src/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    loader: { '.css': 'css', '.ttf': 'file' },
    tsconfig: 'webview-ui/tsconfig.json',
    minify: process.env.WEBVIEW_MINIFY === '1',
  });
  mkdirSync(join(ROOT, 'dist/webview'), { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) cpSync(join(ROOT, 'node_modules/@vscode/codicons/dist', f), join(ROOT, 'dist/webview', f));
}
