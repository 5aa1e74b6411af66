// End-to-end harness: a real VS Code (code-server 4.100.3, see /work/shared/e2e.md)
// with the extension loaded from this repository's folder (built dist/), driven
// from Debian's Chromium through playwright-core.
//
// Each harness owns a fresh temp folder with its own user-data-dir,
// extensions-dir, workspace folder and config.yaml. code-server starts lazily on
// the first openWorkbench(), so a journey can still change `h.env` and call
// `h.settings()` before that. `close()` ends every process it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The extension folder loaded through extensionDevelopmentPath: this repo unless E2E_EXTENSION_PATH says otherwise. */
export const EXTENSION_PATH = resolve(process.env.E2E_EXTENSION_PATH ?? REPO);
export const CS_VERSION = '4.100.3';
export const CS_DIR = join(REPO, '.vscode-test/cs');
export const CODE_SERVER = join(CS_DIR, 'node_modules/.bin/code-server');
export const RESULTS_DIR = join(REPO, 'test-results/e2e');
export const EXTENSION_ID = 'review-mentor.review-mentor';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian's CA bundle, which VS Code reads for `http.systemCertificates` on Linux. */
export const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  // Review Mentor opens its walkthrough on a first install, and every journey is
  // a first install; only the walkthrough journey turns this back on.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/** Settings VS Code registers with machine scope (see writeSettings). */
const MACHINE_SCOPED = ['workbench.welcomePage.walkthroughs.openOnInstall'];

/** True when code-server is installed (scripts/setup-vscode.sh finished). */
export function codeServerInstalled() {
  return existsSync(join(CS_DIR, `.installed-${CS_VERSION}`)) && existsSync(CODE_SERVER);
}

/** Runs scripts/setup-vscode.sh when code-server is missing (idempotent). */
export function ensureCodeServer() {
  if (codeServerInstalled()) return;
  process.stderr.write('e2e: code-server missing, running scripts/setup-vscode.sh\n');
  const r = spawnSync('bash', [join(REPO, 'scripts/setup-vscode.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`scripts/setup-vscode.sh failed (exit ${r.status})`);
}

/** Builds dist/ with `node esbuild.config.mjs` when the loaded extension's dist/extension.js is missing. */
export function ensureExtensionBuilt(production = false) {
  if (existsSync(join(EXTENSION_PATH, 'dist/extension.js'))) return;
  if (EXTENSION_PATH !== REPO) throw new Error(`${EXTENSION_PATH}/dist/extension.js is missing`);
  const args = ['esbuild.config.mjs', ...(production ? ['--production'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the extension failed');
}

export async function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every file below `dir` (relative paths), or [] when it does not exist. */
export function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (err) {
      // A lock folder the extension removed while we walked: it held no journal file.
      if (err.code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

let sharedBrowser;
/** One Chromium per process; each harness gets its own browser context. */
export async function browser() {
  if (!sharedBrowser) sharedBrowser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return sharedBrowser;
}
export async function closeBrowser() {
  const b = sharedBrowser;
  sharedBrowser = undefined;
  if (b) await b.close().catch(() => {});
}

const live = new Set();
/** Kills every code-server still running (process groups); safe to call at exit. */
export function killAll() {
  for (const h of live) h.killServer('SIGKILL');
}

export class Harness {
  /**
   * @param {object} [o]
   * @param {string} [o.name] used for screenshot names and the temp folder
   * @param {Record<string, unknown>} [o.settings] extra User/settings.json entries
   * @param {Record<string, string>} [o.env] extra environment for code-server (and so the extension host)
   * @param {'dev' | 'none'} [o.extension] 'dev' loads this repo through extensionDevelopmentPath (default);
   *   'none' loads nothing (use installVsix() then)
   * @param {{ width: number, height: number }} [o.viewport]
   * @param {string} [o.locale] VS Code's display language (code-server's --locale); it takes
   *   effect only with a language pack for it installed (see languagePack.mjs)
   */
  constructor(o = {}) {
    this.name = o.name ?? 'e2e';
    this.dir = mkdtempSync(join(tmpdir(), `rm-e2e-${this.name.replace(/[^\w-]/g, '_')}-`));
    this.userDataDir = join(this.dir, 'user-data');
    this.extensionsDir = join(this.dir, 'extensions');
    this.workspace = join(this.dir, 'workspace');
    this.configFile = join(this.dir, 'config.yaml');
    this.serverLog = join(this.dir, 'code-server.log');
    for (const d of [join(this.userDataDir, 'User'), this.extensionsDir, this.workspace]) mkdirSync(d, { recursive: true });
    writeFileSync(this.configFile, 'auth: none\ncert: false\n');
    this.settingsFile = join(this.userDataDir, 'User/settings.json');
    this.machineSettingsFile = join(this.userDataDir, 'Machine/settings.json');
    this.writeSettings({ ...BASE_SETTINGS, ...(o.settings ?? {}) });
    /** Environment added to code-server's; change it before openWorkbench(). */
    this.env = { ...(o.env ?? {}) };
    this.extension = o.extension ?? 'dev';
    this.viewport = o.viewport ?? { width: 1400, height: 900 };
    /** Display language passed as code-server's --locale; change it before openWorkbench(). */
    this.locale = o.locale;
    this.port = 0;
    this.proc = undefined;
    this.context = undefined;
    /** @type {import('playwright-core').Page | undefined} */
    this.page = undefined;
    this.pageErrors = [];
    /** console.error messages of the workbench page and its frames (webviews). */
    this.consoleErrors = [];
    this.shots = [];
    /** PEM certificates code-server sees in the system's CA bundle (see addSystemCertificate). */
    this.systemCertificates = [];
    /** Run by close(), newest first: what a helper started for the journey (a sandbox GitHub). */
    this.cleanups = [];
  }

  /** Runs `fn` when the harness closes (after the journey, passed or failed), before code-server ends. */
  onClose(fn) {
    this.cleanups.push(fn);
  }

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }
  /** The extension's global storage folder (may not exist yet). */
  get globalStorage() {
    return join(this.userDataDir, 'User/globalStorage', EXTENSION_ID);
  }

  /**
   * Merges `obj` into User/settings.json. Before openWorkbench() that is all;
   * once the workbench is open, code-server does not pick up a changed file by
   * itself, so the window is reloaded (the extension host restarts and the
   * extension activates again).
   */
  async settings(obj) {
    const cur = JSON.parse(readFileSync(this.settingsFile, 'utf8'));
    this.writeSettings({ ...cur, ...obj });
    if (this.page) await this.reload();
  }

  /**
   * code-server's extension host is a remote one: it takes machine-scoped
   * settings (such as workbench.welcomePage.walkthroughs.openOnInstall) from
   * Machine/settings.json and ignores them in User/settings.json, so those go
   * to both files.
   */
  writeSettings(all) {
    writeFileSync(this.settingsFile, JSON.stringify(all, null, 2));
    const machine = Object.fromEntries(Object.entries(all).filter(([k]) => MACHINE_SCOPED.includes(k)));
    mkdirSync(dirname(this.machineSettingsFile), { recursive: true });
    writeFileSync(this.machineSettingsFile, JSON.stringify(machine, null, 2));
  }

  /** Reloads the window and waits for the workbench (and the extension's new activation). */
  async reload() {
    const page = this.requirePage();
    const before = this.extensionLogFile();
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
    if (this.extension === 'dev' || before) {
      const until = Date.now() + 60_000;
      while (!(this.extensionLogFile() !== before && /Activated in [\d.]+ ms/.test(this.extensionLog()))) {
        if (Date.now() > until) throw new Error('the extension did not activate again after the reload');
        await sleep(250);
      }
    }
  }

  /** Relative paths of the files in the extension's global storage folder. */
  globalStorageFiles() {
    return listFiles(this.globalStorage);
  }
  /** Text (or parsed JSON for *.json) of a file in the global storage folder. */
  readGlobalStorage(rel) {
    const text = readFileSync(join(this.globalStorage, rel), 'utf8');
    return rel.endsWith('.json') ? JSON.parse(text) : text;
  }

  /** Path of the extension's "Review Mentor" log channel file, or undefined. */
  extensionLogFile() {
    const logs = join(this.userDataDir, 'logs');
    const hit = listFiles(logs).filter((f) => f.includes(`${EXTENSION_ID}/`) && f.endsWith('Review Mentor.log'));
    // The newest session wins (logs/<timestamp>/exthost<N>/...; N grows on each reload).
    return hit.length ? join(logs, hit.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1)) : undefined;
  }
  extensionLog() {
    const f = this.extensionLogFile();
    return f ? readFileSync(f, 'utf8') : '';
  }
  /** Waits until the extension's log channel contains `re`; returns the match. */
  async waitForLog(re, timeout = 30_000) {
    const until = Date.now() + timeout;
    for (;;) {
      const m = this.extensionLog().match(re);
      if (m) return m;
      if (Date.now() > until) throw new Error(`extension log never matched ${re}; log file: ${this.extensionLogFile() ?? '(none)'}\n${this.extensionLog()}`);
      await sleep(250);
    }
  }

  /** Installs a .vsix into this harness's extensions-dir (before openWorkbench). */
  installVsix(file) {
    const r = spawnSync(CODE_SERVER, this.serverArgs(['--install-extension', resolve(file)]), { encoding: 'utf8', env: this.serverEnv() });
    if (r.status !== 0) throw new Error(`--install-extension failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  }

  serverArgs(extra = []) {
    return [
      '--config', this.configFile,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', this.userDataDir,
      '--extensions-dir', this.extensionsDir,
      ...extra,
    ];
  }
  serverEnv() {
    const env = { ...process.env, ...this.env };
    // Keep code-server's own files and any npm/CI leftovers out of the run.
    delete env.VSCODE_IPC_HOOK_CLI;
    delete env.NODE_OPTIONS;
    env.XDG_DATA_HOME = join(this.dir, 'xdg-data');
    env.XDG_CONFIG_HOME = join(this.dir, 'xdg-config');
    env.XDG_CACHE_HOME = join(this.dir, 'xdg-cache');
    return env;
  }

  /**
   * Makes code-server (and so VS Code's `http.systemCertificates`) trust `pem`
   * as if it were in the operating system's CA bundle. The machine's bundle is
   * not touched: code-server runs in a mount namespace of its own (needs root
   * and `unshare`) where a copy with the certificate added is bind-mounted over
   * SYSTEM_CA_BUNDLE. Call it before the workbench opens.
   */
  addSystemCertificate(pem) {
    if (this.proc) throw new Error('addSystemCertificate() must come before the server starts');
    this.systemCertificates.push(pem);
  }

  /** The command that starts code-server with `args`, in its own mount namespace when system certificates were added. */
  serverCommand(args) {
    if (this.systemCertificates.length === 0) return [CODE_SERVER, args];
    if (!existsSync(SYSTEM_CA_BUNDLE)) throw new Error(`addSystemCertificate: no ${SYSTEM_CA_BUNDLE} on this machine`);
    const bundle = join(this.dir, 'ca-certificates.crt');
    writeFileSync(bundle, [readFileSync(SYSTEM_CA_BUNDLE, 'utf8').trimEnd(), ...this.systemCertificates].join('\n') + '\n');
    const probe = spawnSync('unshare', ['--mount', 'true'], { encoding: 'utf8' });
    if (probe.status !== 0) throw new Error(`addSystemCertificate needs a private mount namespace (root and unshare): ${probe.stderr || probe.error}`);
    return ['unshare', ['--mount', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" "$1" && shift && exec "$@"', bundle, SYSTEM_CA_BUNDLE, CODE_SERVER, ...args]];
  }

  /** Starts code-server on a free 127.0.0.1 port and waits for /healthz. */
  async startServer() {
    if (this.proc) return;
    if (!codeServerInstalled()) throw new Error('code-server is not installed: run scripts/setup-vscode.sh');
    this.port = await freePort();
    const out = [];
    this.serverOutput = out;
    const [command, args] = this.serverCommand(this.serverArgs(['--bind-addr', `127.0.0.1:${this.port}`, ...(this.locale ? ['--locale', this.locale] : []), this.workspace]));
    const proc = spawn(command, args, {
      env: this.serverEnv(),
      detached: true, // own process group, so close() can end it with all its children
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    live.add(this);
    const keep = (b) => {
      out.push(b.toString());
      writeFileSync(this.serverLog, out.join(''));
    };
    proc.stdout.on('data', keep);
    proc.stderr.on('data', keep);
    let exited = false;
    proc.on('exit', () => (exited = true));
    const until = Date.now() + 60_000;
    for (;;) {
      if (exited) throw new Error(`code-server exited while starting:\n${out.join('')}`);
      try {
        const r = await fetch(`${this.origin}/healthz`);
        if (r.ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > until) throw new Error(`code-server /healthz not ready after 60 s:\n${out.join('')}`);
      await sleep(200);
    }
  }

  /** The URL-encoded payload that loads this repo as a development extension (+ optional tests). */
  payload(extensionTestsPath) {
    const remote = (p) => `vscode-remote://127.0.0.1:${this.port}${p}`;
    const entries = [];
    if (this.extension === 'dev') entries.push(['extensionDevelopmentPath', remote(EXTENSION_PATH)]);
    if (extensionTestsPath) entries.push(['extensionTestsPath', remote(extensionTestsPath)]);
    return entries.length ? `&payload=${encodeURIComponent(JSON.stringify(entries))}` : '';
  }

  /**
   * Starts code-server (once) and opens the workbench on the workspace folder.
   * @param {{ extensionTestsPath?: string, waitForExtension?: boolean }} [o]
   * waitForExtension (default true) waits until the extension logged its activation.
   */
  async openWorkbench(o = {}) {
    await this.startServer();
    if (!this.context) {
      this.context = await (await browser()).newContext({ viewport: this.viewport });
      this.page = await this.context.newPage();
      this.page.on('pageerror', (e) => this.pageErrors.push(e.message));
      this.page.on('console', (m) => {
        if (m.type() === 'error') this.consoleErrors.push(`${m.text()}${m.location()?.url ? ` (${m.location().url.slice(0, 120)})` : ''}`);
      });
    }
    const page = this.page;
    await page.goto(`${this.origin}/?folder=${encodeURIComponent(this.workspace)}${this.payload(o.extensionTestsPath)}`, { timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
    if (o.waitForExtension ?? (this.extension === 'dev' && !o.extensionTestsPath)) {
      await this.waitForLog(/Activated in [\d.]+ ms/, 60_000);
    }
    return page;
  }

  requirePage() {
    if (!this.page) throw new Error('call openWorkbench() first');
    return this.page;
  }

  /**
   * F1, types the command title, waits for it in the list, Enter. With
   * `{ opensInput: true }` it does not wait for the quick input to close, for
   * commands that ask something (an input box or a quick pick of their own).
   */
  async runCommand(title, { opensInput = false } = {}) {
    const page = this.requirePage();
    const input = page.locator('.quick-input-widget input.input');
    // Click the workbench first so F1 goes to it and not to a webview or the browser.
    await page.locator('.monaco-workbench .part.statusbar').click({ position: { x: 2, y: 2 } }).catch(() => {});
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    // The first row must be the command we asked for; pick it explicitly otherwise.
    const first = page.locator('.quick-input-list .monaco-list-row').first();
    const firstLabel = (await first.getAttribute('aria-label')) ?? '';
    if (firstLabel.startsWith(title)) await page.keyboard.press('Enter');
    else await row.click();
    if (opensInput) {
      // The command's own prompt replaces the palette: wait until the palette's text is gone.
      await page.waitForFunction((t) => document.querySelector('.quick-input-widget input.input')?.value !== `>${t}`, title, { timeout: 10_000 });
      return;
    }
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Opens the view container with this title from the activity bar (does not toggle it closed). */
  async openViewContainer(title) {
    const page = this.requirePage();
    const item = page.locator(`.activitybar .action-item:has(a[aria-label^="${title}"])`).first();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    const open = async () => (await item.getAttribute('class'))?.includes('checked') && (await page.locator('.part.sidebar').isVisible());
    if (!(await open())) await item.locator('a').first().click();
    await page.mouse.move(this.viewport.width / 2, this.viewport.height / 2); // no hover tooltip in screenshots
    await page.locator(`.part.sidebar .composite.title h2[title^="${title}"], .part.sidebar .title-label h2`, { hasText: title }).first().waitFor({ timeout: 10_000 });
    return page.locator('.part.sidebar');
  }

  /** The sidebar pane (view) with this name, e.g. 'Feedback'. */
  view(name) {
    return this.requirePage().locator('.part.sidebar .pane', { has: this.requirePage().locator(`.pane-header[aria-label^="${name}"]`) }).first();
  }

  /** Saves a full-page PNG to test-results/e2e/<harness>-<name>.png and returns its path. */
  async screenshot(name) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `${this.name}-${name}.png`);
    await this.requirePage().screenshot({ path: file });
    this.shots.push(file);
    return file;
  }

  /**
   * Answers code-server's save dialog (a quick input holding a path) with
   * `file`; returns the path it proposed. A path in another folder than the one
   * proposed makes the dialog list that folder first, so Enter is pressed until
   * the dialog has taken it.
   */
  async saveDialog(file) {
    const page = this.requirePage();
    const input = page.locator('.quick-input-widget input.input');
    await page.waitForFunction(() => (document.querySelector('.quick-input-widget input.input')?.value ?? '').includes('/'), undefined, { timeout: 15_000 });
    const proposed = await input.inputValue();
    await input.fill(file);
    const widget = page.locator('.quick-input-widget');
    for (let i = 0; i < 6 && (await widget.isVisible()) && (await input.inputValue()) !== ''; i++) {
      await page.waitForTimeout(800);
      if ((await widget.isVisible()) && (await input.inputValue()) === file) await page.keyboard.press('Enter');
    }
    return proposed;
  }

  /** Texts of the notification toasts on screen now. */
  async notifications() {
    return this.requirePage().locator('.notifications-toasts .notification-toast .notification-list-item-message').allInnerTexts();
  }
  /** Waits for a notification toast whose text matches `re`; returns its locator. */
  async waitForNotification(re, timeout = 15_000) {
    const toast = this.requirePage().locator('.notifications-toasts .notification-toast', { hasText: re }).first();
    await toast.waitFor({ state: 'visible', timeout });
    return toast;
  }

  /** The active webview's content frame (webviews are two nested iframes). */
  webviewFrame() {
    return this.requirePage().frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /** The status bar entry with this id (as given to createStatusBarItem), e.g. 'reviewMentor.status'. */
  statusBarItem(id) {
    return this.requirePage().locator(`.part.statusbar .statusbar-item[id$="${id}"]`).first();
  }

  /**
   * Runs the mocha suite bundled at `indexJs` inside the extension host (payload
   * extensionTestsPath) and returns its results JSON. The page stays open while
   * the tests run: the extension host only lives while a window is connected.
   */
  async runHostTests(indexJs, timeout = 120_000) {
    const resultsFile = join(this.dir, 'host-results.json');
    this.env.REVIEW_MENTOR_HOST_RESULTS = resultsFile;
    if (this.proc) throw new Error('runHostTests() must come before the server starts (it sets env)');
    await this.openWorkbench({ extensionTestsPath: indexJs, waitForExtension: false });
    const until = Date.now() + timeout;
    while (!existsSync(resultsFile)) {
      if (Date.now() > until) throw new Error(`no host test results after ${timeout / 1000} s; server log:\n${this.serverOutput.join('').slice(-4000)}`);
      await sleep(250);
    }
    await sleep(100);
    return JSON.parse(readFileSync(resultsFile, 'utf8'));
  }

  killServer(signal = 'SIGTERM') {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    try {
      process.kill(-p.pid, signal);
    } catch {
      /* already gone */
    }
  }

  /** Closes the page and ends code-server and its children. Keeps the temp folder when keep is true. */
  async close({ keep = false } = {}) {
    for (const fn of this.cleanups.splice(0).reverse()) await Promise.resolve().then(fn).catch(() => {});
    if (this.context) await this.context.close().catch(() => {});
    this.context = undefined;
    this.page = undefined;
    if (this.proc) {
      const p = this.proc;
      const gone = new Promise((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', r)));
      this.killServer('SIGTERM');
      await Promise.race([gone, sleep(5000)]);
      this.killServer('SIGKILL');
      // Children in the group (extension host, pty host) may outlive the parent briefly.
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        /* group empty */
      }
    }
    live.delete(this);
    if (!keep) rmSync(this.dir, { recursive: true, force: true });
  }
}

export function fileSize(p) {
  return statSync(p).size;
}
