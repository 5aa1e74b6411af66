// Composition root: builds the services, lets each feature register its views
// and commands, and hands every disposable to VS Code. Logic lives elsewhere.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { liveFeedback } from './core/model';
import { JournalStore } from './store';
import { createGitHubClient, getViewer, type GitHubClient } from './github/client';
import { AuthService } from './features/account/auth';
import { hostOf, readConfig, affectsConfig } from './platform/config';
import { EngineerService } from './features/engineers/engineerService';
import { JournalService } from './features/journal/journalService';
import { SyncStatusBar } from './features/sync/statusBar';
import { SyncController } from './features/sync/syncController';
import { TaxonomyService } from './features/tagging/taxonomyService';
import { BrowseState } from './features/feedback/browseState';
import { registerAccountFeatures } from './features/account/accountCommands';
import { registerFeedbackView } from './features/feedback/feedbackView';
import type { PastFeedbackStats } from './features/pastFeedback/pastFeedbackController';
import { prepareSyncedFeedback } from './features/tagging/prepare';
import { ClassifierService } from './store/classifierService';
import { registerTaggingCommands } from './features/tagging/commands';
import { createTargetResolver } from './features/tagging/targets';
import type { App } from './app';
import { registerExportCommand } from './features/export/exportCommand';
import { registerJournalPanel } from './features/journal/registerJournal';
import { registerEngineersView } from './features/engineers/engineersView';
import { registerReviewFeature } from './features/review/registerReview';
import { registerTagAndPublish } from './features/tagging/tagAndPublish';
import { registerMirrorPanel } from './features/mirror/registerMirror';
import { registerWalkthrough } from './features/walkthrough/walkthrough';
import { shareL10nBundle } from './platform/l10n';

/** What activate() returns: read-only diagnostics for the extension-host tests. */
export interface ReviewMentorApi {
  pastFeedbackStats(): Readonly<PastFeedbackStats>;
}

export async function activate(context: vscode.ExtensionContext): Promise<ReviewMentorApi> {
  const started = performance.now();
  shareL10nBundle();
  const log = vscode.window.createOutputChannel('Review Mentor', { log: true });
  const serverUrl = () => readConfig().serverUrl;
  const journalRoot = () => readConfig().journalFolder || path.join(context.globalStorageUri.fsPath, 'journals');
  const store = new JournalStore({
    rootDir: journalRoot(),
    logger: log,
    onProblem: (p) => {
      // A read that found a damaged file changes nothing and only logs; the write that sets it aside tells the user, once.
      if (p.kind === 'damaged') return log.warn(p.message);
      log.error(p.message);
      void vscode.window.showErrorMessage(vscode.l10n.t('Review Mentor: {0}', p.message));
    },
  });
  let client: GitHubClient | undefined;
  let clientFor = '';
  const taxonomy = new TaxonomyService(log);
  const status = new SyncStatusBar();
  const auth = new AuthService(context.secrets, context.globalState, log, serverUrl, (token) =>
    getViewer(createGitHubClient({ serverUrl: serverUrl(), getToken: async () => token, logger: log })),
  );
  const engineers = new EngineerService(context.globalState, () => hostOf(serverUrl()), () => auth.cachedLogin());
  const journals = new JournalService(store, log);
  const classifier = new ClassifierService(journalRoot());
  const clientOf = () => {
    if (!client || clientFor !== serverUrl()) {
      clientFor = serverUrl();
      client = createGitHubClient({
        serverUrl: clientFor,
        getToken: () => auth.getToken(),
        logger: log,
        onRateLimit: ({ resetAt }) => sync.waitingForRateLimit(resetAt),
      });
    }
    return client;
  };
  const sync = new SyncController({
    client: clientOf,
    journals,
    engineers: () => engineers.syncable(),
    status,
    log,
    includeBots: () => readConfig().includeBots,
    reconcileDays: () => readConfig().reconcileDays,
    intervalMinutes: () => readConfig().syncIntervalMinutes,
    transform: prepareSyncedFeedback(classifier),
    state: context.globalState,
  });
  const app: App = {
    context,
    log,
    auth,
    engineers,
    journals,
    taxonomy,
    status,
    browse: new BrowseState(context.workspaceState, () => readConfig().feedbackShow),
    classifier,
    sync,
    serverUrl,
    client: clientOf,
    feedbackOf: async (engineer) => liveFeedback(await journals.load(engineer)),
  };
  context.subscriptions.push(log, taxonomy, status, auth, app.engineers, app.journals, app.browse, app.sync);

  registerAccountFeatures(app);
  const feedback = registerFeedbackView(app);
  registerTaggingCommands(app, createTargetResolver(app, () => feedback.view.selection));
  registerExportCommand(app);
  const panels = registerJournalPanel(app);
  registerReviewFeature(app, panels);
  registerTagAndPublish(app);
  registerEngineersView(app);
  registerMirrorPanel(app);
  registerWalkthrough(app);
  void app.classifier.ready();

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsConfig(e, 'sync.intervalMinutes')) app.sync.schedule();
      if (affectsConfig(e, 'github.serverUrl')) void auth.restore();
      if (affectsConfig(e, 'journal.folder')) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Review Mentor uses the new journal folder after a window reload.'), vscode.l10n.t('Reload')).then((c) => {
          if (c) void vscode.commands.executeCommand('workbench.action.reloadWindow');
        });
      }
    }),
  );
  // The display language decides every translated word: say it where bug reports look.
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms (display language ${vscode.env.language})`);
  // Sign-in is restored after activation so start-up never waits on the network.
  // Its answer (even "nobody", which fires no change) settles who the views show.
  // auth.current, not restore's answer: a sign-in made meanwhile stands.
  const settle = () => settleIdentity(app, auth.current?.login);
  void auth.restore().then(settle, settle);
  return { pastFeedbackStats: () => ({ ...feedback.past.stats }) };
}

function settleIdentity(app: App, login: string | undefined): void {
  app.engineers.setMe(login);
  if (!login && (app.status.current.kind === 'signing-in')) app.status.set(app.engineers.isDemo ? { kind: 'demo' } : { kind: 'signed-out' });
}

export function deactivate(): void {}
