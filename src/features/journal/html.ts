// The journal panel's HTML and CSP. Pure (no `vscode` import) so the browser
// tests serve exactly the page the real panel shows.
export interface JournalHtmlInput {
  /** webview.cspSource */
  cspSource: string;
  /** base64 from crypto.randomBytes */
  nonce: string;
  scriptUri: string;
  styleUris: readonly string[];
  title: string;
  /** reviewMentor.render.remoteImages: let comment images load from https servers. Off by default. */
  remoteImages?: boolean;
  /** Shown until the script takes over (default "Loading journal…"). */
  loading?: string;
  /**
   * vscode.l10n.bundle: the translations of the display language (undefined
   * for English), for the page's own strings (webview-ui/src/l10n.ts).
   */
  l10n?: Record<string, string>;
  /** vscode.env.language, for <html lang>. */
  language?: string;
}

/**
 * Images: only the panel's own files and data: URIs, so a comment body cannot
 * load a tracking pixel; https images only when the user turned them on.
 */
export function journalCsp(cspSource: string, nonce: string, remoteImages = false): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:${remoteImages ? ' https:' : ''}`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    // No fetch/XHR/websocket from the page, and no <base> or form tricks.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function journalHtml(input: JournalHtmlInput): string {
  const styles = input.styleUris.map((u) => `<link rel="stylesheet" href="${attr(u)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${attr(input.language ?? 'en')}">
  <head>
    <meta charset="UTF-8">${input.l10n ? `\n    <meta name="l10n-bundle" content="${attr(JSON.stringify(input.l10n))}">` : ''}
    <meta http-equiv="Content-Security-Policy" content="${attr(journalCsp(input.cspSource, input.nonce, input.remoteImages))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${attr(input.title)}</title>
  </head>
  <body data-remote-images="${input.remoteImages ? 'on' : 'off'}">
    <main id="app" aria-busy="true"><p class="loading">${attr(input.loading ?? 'Loading journal…')}</p></main>
    <script type="module" nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
  </body>
</html>`;
}
