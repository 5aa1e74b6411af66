// Typed access to the extension's settings. Every setting is read here so
// names and defaults are written once.
import * as vscode from 'vscode';
import { resolveGitHubEndpoints } from '../core/githubEndpoints';
import type { ExpandPastFeedback } from '../core/pastFeedback/threadPlan';
import type { CategoryInput } from '../core/taxonomy';

const SECTION = 'reviewMentor';

export interface ReviewMentorConfig {
  /** '' means github.com. */
  serverUrl: string;
  journalFolder: string;
  extraCategories: CategoryInput[];
  syncIntervalMinutes: number;
  includeBots: boolean;
  reconcileDays: number;
  alwaysPublishTags: boolean;
  showPastFeedback: boolean;
  /** Which past-feedback threads open expanded when a file is opened. */
  expandPastFeedback: ExpandPastFeedback;
  /** Load images in comment bodies from their servers (off: they become links). */
  remoteImages: boolean;
  trackedEngineers: string[];
  /** What the Feedback view shows at first: feedback received (default) or given. */
  feedbackShow: 'received' | 'given';
}

export function readConfig(): ReviewMentorConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    serverUrl: normaliseServerUrl(c.get<string>('github.serverUrl', '')),
    journalFolder: c.get<string>('journal.folder', '').trim(),
    extraCategories: c.get<CategoryInput[]>('categories.extra', []),
    syncIntervalMinutes: Math.max(0, c.get<number>('sync.intervalMinutes', 15)),
    includeBots: c.get<boolean>('sync.includeBots', false),
    reconcileDays: Math.max(0, c.get<number>('sync.reconcileDays', 14)),
    alwaysPublishTags: c.get<boolean>('tags.alwaysPublish', false),
    showPastFeedback: c.get<boolean>('editor.showPastFeedback', true),
    expandPastFeedback: oneOf(c.get<string>('editor.expandPastFeedback', 'unresolved'), ['unresolved', 'all', 'none'] as const, 'unresolved'),
    remoteImages: c.get<boolean>('render.remoteImages', false) === true,
    trackedEngineers: c.get<string[]>('trackedEngineers', []).filter((l) => typeof l === 'string' && l.trim() !== ''),
    feedbackShow: c.get<string>('feedback.show', 'received') === 'given' ? 'given' : 'received',
  };
}

export async function setTrackedEngineers(logins: string[]): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('trackedEngineers', logins, vscode.ConfigurationTarget.Global);
}

export function affectsConfig(e: vscode.ConfigurationChangeEvent, key?: string): boolean {
  return e.affectsConfiguration(key ? `${SECTION}.${key}` : SECTION);
}

/**
 * The setting in the endpoint rule's canonical form ('' for github.com, else the
 * web root without `/api/v3` or trailing slashes). A value that is not a URL is
 * kept as typed, so the client's clear error names it when it is used.
 */
export function normaliseServerUrl(raw: string): string {
  try {
    return resolveGitHubEndpoints(raw).serverUrl;
  } catch {
    return raw.trim();
  }
}

/** Host used for journal folders: "github.com", "SUBDOMAIN.ghe.com" or the GHE Server host[:port]. */
export function hostOf(serverUrl: string): string {
  try {
    return resolveGitHubEndpoints(serverUrl).host;
  } catch {
    return serverUrl.replace(/[^a-zA-Z0-9.:-]/g, '_');
  }
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}
