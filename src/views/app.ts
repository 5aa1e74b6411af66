// The services every feature needs, built once by the composition root.
import type * as vscode from 'vscode';
import type { EngineerRef, Feedback } from '../core/model';
import type { GitHubClient } from '../github/client';
import type { AuthService } from './auth';
import type { EngineerService } from './engineers';
import type { JournalService } from './journals';
import type { SyncStatusBar } from './statusBar';
import type { SyncController } from './syncController';
import type { TaxonomyService } from './taxonomyService';
import type { BrowseState } from './browseState';
import type { ClassifierService } from './tagging/classifierService';

export interface App {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  auth: AuthService;
  engineers: EngineerService;
  journals: JournalService;
  taxonomy: TaxonomyService;
  status: SyncStatusBar;
  sync: SyncController;
  browse: BrowseState;
  classifier: ClassifierService;
  client(): GitHubClient;
  /** GitHub server root ('' = github.com). */
  serverUrl(): string;
  /** Feedback of an engineer as a list (from the cached journal). */
  feedbackOf(engineer: EngineerRef): Promise<Feedback[]>;
}
