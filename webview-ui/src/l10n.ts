// The page's own strings: English in the code, translations from the bundle
// the host puts in <meta name="l10n-bundle"> (vscode.l10n.bundle, the same
// l10n/bundle.l10n.<lang>.json the extension uses). Call initL10n() before
// the first render. Components call `l10n.t('...')` from '@vscode/l10n'
// themselves: that is the form `npm run l10n:export` finds.
import * as l10n from '@vscode/l10n';

export function initL10n(doc: Document = document): void {
  const content = doc.querySelector<HTMLMetaElement>('meta[name="l10n-bundle"]')?.content;
  if (!content) return; // English
  try {
    l10n.config({ contents: JSON.parse(content) as Record<string, string> });
  } catch {
    // A bundle that does not parse leaves the page in English rather than blank.
  }
}

/**
 * A translated sentence with markup inside: call l10n.t('...{0}...') without
 * arguments (the placeholders stay) and give the pieces here, as lit templates
 * or text. Translators move {0} and {1} where their language wants them.
 */
export function withParts(message: string, ...parts: unknown[]): unknown[] {
  return message.split(/\{(\d+)\}/).map((piece, i) => (i % 2 === 1 ? (parts[Number(piece)] ?? `{${piece}}`) : piece));
}
