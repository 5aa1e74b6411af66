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
}

export function journalCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} https: data:`,
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
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${attr(journalCsp(input.cspSource, input.nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${attr(input.title)}</title>
  </head>
  <body>
    <main id="app" aria-busy="true"><p class="loading">Loading journal…</p></main>
    <script type="module" nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
  </body>
</html>`;
}
