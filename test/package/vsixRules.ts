// What may ship in the .vsix, as rules over its entry list. Pure, so the
// rules themselves are tested on lists that break them.
import { LAZY_BUNDLES } from '../../src/platform/lazyBundle';

export interface VsixEntry {
  /** Path inside the zip, e.g. "extension/dist/extension.js". */
  name: string;
  /** Uncompressed bytes. */
  size: number;
}

/** The whole .vsix (compressed) must stay under this. */
export const VSIX_BUDGET_BYTES = 2 * 1024 * 1024;

/** Files that must be there for the extension to install, activate and look right. */
export const REQUIRED = [
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/l10n/bundle.l10n.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  // The bundles the extension loads on first use.
  ...Object.values(LAZY_BUNDLES).map((f) => `extension/dist/${f}`),
  'extension/dist/cli.js',
  'extension/dist/classifier-model.json',
  'extension/dist/webview/journal.js',
  'extension/dist/webview/journal.css',
  'extension/dist/webview/codicon.css',
  'extension/dist/webview/codicon.ttf',
  'extension/media/icon.png',
  'extension/media/activity-bar.svg',
  ...['sign-in', 'sync', 'suggestions', 'journal-goal', 'export', 'track'].map((n) => `extension/media/walkthrough/${n}.svg`),
];

const FORBIDDEN: [RegExp, string][] = [
  [/\.map$/i, 'a source map'],
  [/(^|\/)(test|tests|__tests__|e2e|test-results)\//i, 'a test file'],
  [/\.(test|spec)\.[cm]?[jt]sx?$/i, 'a test file'],
  [/(^|\/)(fixtures?|golden|__fixtures__)\//i, 'a test fixture'],
  [/(^|\/)node_modules\//, 'node_modules'],
  [/(^|\/)\.vscode-test\//, 'the test VS Code'],
  [/^extension\/(src|webview-ui|sandbox|bench|scripts|build|data|docs)\//, 'sources or development files'],
  [/(^|\/)dist\/sandbox\.js$/, 'the sandbox GitHub (a development tool)'],
  [/(?<!\.d)\.tsx?$/, 'TypeScript source'],
  [/\.vsix$/i, 'another package'],
  [/(^|\/)\.(env|npmrc|git)(\/|$)/, 'a dotfile that may hold secrets'],
];

/** Every reason the package is not fit to ship; empty when it is. */
export function vsixProblems(entries: VsixEntry[], vsixBytes: number): string[] {
  const problems: string[] = [];
  if (vsixBytes > VSIX_BUDGET_BYTES) {
    const biggest = [...entries].sort((a, b) => b.size - a.size).slice(0, 5).map((e) => `${e.name} (${Math.round(e.size / 1024)} KB)`);
    problems.push(`the .vsix is ${(vsixBytes / 1024 / 1024).toFixed(2)} MB, over the 2 MB budget; biggest files: ${biggest.join(', ')}`);
  }
  for (const e of entries) {
    const hit = FORBIDDEN.find(([re]) => re.test(e.name));
    if (hit) problems.push(`${e.name} is ${hit[1]}`);
  }
  const names = new Set(entries.map((e) => e.name));
  for (const r of REQUIRED) if (!names.has(r)) problems.push(`${r} is missing`);
  return problems;
}
