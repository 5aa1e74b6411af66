// Code needed only on demand ships as bundles of its own beside
// dist/extension.js (esbuild.config.mjs builds them, .vscodeignore ships them,
// test/package checks the .vsix holds every one) and is loaded the first time
// it is used, so activation does not pay for it. No vscode import (translated
// with @vscode/l10n, see l10n.ts), so the package and unit tests can load it.
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { errorText } from './errors';

/** Each on-demand bundle, by file name in dist/. */
export const LAZY_BUNDLES = {
  /** "Open demo data": the dataset generator and its text templates. */
  demo: 'demo.js',
  /** The My reviews panel host. */
  myReviews: 'my-reviews.js',
  /** "Export summary...": the summary builder and its Markdown, HTML, CSV and JSON renderers (src/core/summary/render.ts). */
  summary: 'summary.js',
} as const;

export type LazyBundle = keyof typeof LAZY_BUNDLES;

/** A bundle that could not be loaded: a damaged or incomplete installation. */
export class LazyBundleError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(l10n.t('A part of Review Mentor is missing or damaged (dist/{0}: {1}). Reinstall the extension.', file, errorText(cause).split('\n')[0]), { cause });
  }
}

/** Loads (once: require caches it) the bundle named, from the folder dist/extension.js runs in. */
export function loadLazyBundle<T>(bundle: LazyBundle, dir: string = __dirname): T {
  const file = LAZY_BUNDLES[bundle];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path.join(dir, file)) as T;
  } catch (err) {
    throw new LazyBundleError(file, err);
  }
}
