// Builds only the webview bundle, with the options esbuild.config.mjs uses,
// so the browser tests do not depend on the extension host bundle compiling
// while other parts of the tree are mid-edit.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { copyWebviewAssets, webviewBuildOptions } from '../../../build/webview.mjs';

const ROOT = resolve(__dirname, '../../..');

export async function buildWebview(): Promise<void> {
  await build({ ...webviewBuildOptions, absWorkingDir: ROOT, logLevel: 'silent', minify: process.env.WEBVIEW_MINIFY === '1' });
  copyWebviewAssets(ROOT);
}
