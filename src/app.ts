// The services every feature needs, built once by the composition root.
import type * as vscode from 'vscode';
import type { EngineerRef, Feedback } from './core/model';
import type { GitHubClient } from './github/client';
import type { AuthService } from './features/account/auth';
import type { EngineerService } from './features/engineers/engineerService';
import type { JournalService } from './features/journal/journalService';
import type { SyncStatusBar } from './features/sync/statusBar';
import type { SyncController } from './features/sync/syncController';
import type { TaxonomyService } from './features/tagging/taxonomyService';
import type { BrowseState } from './features/feedback/browseState';
import type { ClassifierService } from './store/classifierService';

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
