// Types for harness.mjs, so TypeScript callers (bench/activation.bench.ts) type-check.
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';

export const REPO: string;
export const EXTENSION_PATH: string;
export const CS_VERSION: string;
export const CS_DIR: string;
export const CODE_SERVER: string;
export const RESULTS_DIR: string;
export const EXTENSION_ID: string;
export const CHROMIUM: string;
export const SYSTEM_CA_BUNDLE: string;
export const CHROMIUM_ARGS: string[];
export function codeServerInstalled(): boolean;
export function ensureCodeServer(): void;
export function ensureExtensionBuilt(production?: boolean): void;
export function freePort(): Promise<number>;
export function listFiles(dir: string): string[];
export function browser(): Promise<Browser>;
export function closeBrowser(): Promise<void>;
export function killAll(): void;
export function fileSize(p: string): number;

export interface HarnessOptions {
  name?: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  extension?: 'dev' | 'none';
  viewport?: { width: number; height: number };
  locale?: string;
}
export interface HostResults {
  passed: number;
  failed: number;
  tests: { title: string; state: 'passed' | 'failed'; durationMs: number; error?: string }[];
}

export class Harness {
  constructor(o?: HarnessOptions);
  readonly name: string;
  readonly dir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly workspace: string;
  readonly configFile: string;
  readonly settingsFile: string;
  readonly serverLog: string;
  env: Record<string, string>;
  locale: string | undefined;
  port: number;
  page: Page | undefined;
  pageErrors: string[];
  saveDialog(file: string): Promise<string>;
  consoleErrors: string[];
  shots: string[];
  readonly origin: string;
  readonly globalStorage: string;
  readonly systemCertificates: string[];
  addSystemCertificate(pem: string): void;
  onClose(fn: () => unknown): void;
  settings(obj: Record<string, unknown>): Promise<void>;
  reload(): Promise<void>;
  globalStorageFiles(): string[];
  readGlobalStorage(rel: string): unknown;
  extensionLogFile(): string | undefined;
  extensionLog(): string;
  waitForLog(re: RegExp, timeout?: number): Promise<RegExpMatchArray>;
  installVsix(file: string): string;
  startServer(): Promise<void>;
  openWorkbench(o?: { extensionTestsPath?: string; waitForExtension?: boolean }): Promise<Page>;
  runCommand(title: string): Promise<void>;
  openViewContainer(title: string): Promise<Locator>;
  view(name: string): Locator;
  screenshot(name: string): Promise<string>;
  webviewFrame(): FrameLocator;
  notifications(): Promise<string[]>;
  waitForNotification(re: RegExp, timeout?: number): Promise<Locator>;
  statusBarItem(id: string): Locator;
  runHostTests(indexJs: string, timeout?: number): Promise<HostResults>;
  killServer(signal?: NodeJS.Signals): void;
  close(o?: { keep?: boolean }): Promise<void>;
}
