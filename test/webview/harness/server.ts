// A tiny static server for the browser tests and the bench: serves
// dist/webview under /dist/, and /index.html built by the panel's own
// journalHtml() with the same CSP (as a meta tag and as a header). Every
// request path is recorded so tests can prove a payload fetched nothing.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { journalCsp, journalHtml } from '../../../src/features/journal/html';

const ROOT = resolve(__dirname, '../../..');
const DIST = join(ROOT, 'dist', 'webview');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.html': 'text/html', '.map': 'application/json',
};

export interface Harness {
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    void (async () => {
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      // index.html is the journal panel, mirror.html the My reviews panel: the same page and CSP, each with its bundle.
      const bundle = url.pathname === '/index.html' ? 'journal' : url.pathname === '/mirror.html' ? 'mirror' : undefined;
      if (bundle) {
        const nonce = randomBytes(16).toString('base64');
        const remoteImages = url.searchParams.get('remoteImages') === '1';
        // ?lang=de: the page as VS Code serves it in that display language (vscode.l10n.bundle).
        const lang = url.searchParams.get('lang');
        const l10n = lang ? (JSON.parse(await readFile(join(ROOT, 'l10n', `bundle.l10n.${lang.replace(/[^a-z-]/gi, '')}.json`), 'utf8')) as Record<string, string>) : undefined;
        const page = journalHtml({
          ...(l10n ? { l10n, language: lang! } : {}),
          cspSource: origin,
          nonce,
          remoteImages,
          scriptUri: `${origin}/dist/${bundle}.js`,
          styleUris: [`${origin}/dist/codicon.css`, `${origin}/dist/${bundle}.css`, `${origin}/harness/theme.css`],
          title: `${bundle} — harness`,
        }).replace('<script type="module"', `<script nonce="${nonce}" src="${origin}/harness/fakeVscode.js"></script>\n    <script type="module"`);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': journalCsp(origin, nonce, remoteImages), 'cache-control': 'no-store' });
        res.end(page);
        return;
      }
      const file = url.pathname.startsWith('/dist/')
        ? join(DIST, normalize(url.pathname.slice(6)))
        : url.pathname.startsWith('/harness/')
          ? join(__dirname, normalize(url.pathname.slice(9)))
          : undefined;
      if (!file || (!file.startsWith(DIST) && !file.startsWith(__dirname))) {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
