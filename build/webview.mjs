// The webview bundle's build options and assets, shared by esbuild.config.mjs
// and the browser tests (which build the webview alone, so they do not depend
// on the extension host bundle compiling).
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Paths are relative to the repository root (esbuild's working directory). */
export const webviewBuildOptions = {
  bundle: true,
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'linked',
  entryPoints: { journal: 'webview-ui/src/main.ts', mirror: 'webview-ui/src/mirror/main.ts' },
  outdir: 'dist/webview',
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  loader: { '.css': 'css', '.ttf': 'file' },
  tsconfig: 'webview-ui/tsconfig.json',
};

/** The codicon font is loaded through asWebviewUri, so it must sit in the bundle folder (the only localResourceRoot). */
export function copyWebviewAssets(root = '.') {
  mkdirSync(join(root, 'dist/webview'), { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) cpSync(join(root, 'node_modules/@vscode/codicons/dist', f), join(root, 'dist/webview', f));
}
