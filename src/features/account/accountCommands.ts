// Sign-in, sync, tracked engineers and demo data.
import * as vscode from 'vscode';
import type { App } from '../../app';
import { Commands } from '../../platform/commandIds';
import { reportErrors } from '../../platform/reportErrors';
import { DEMO_HOST, validateLogin } from '../engineers/engineerService';
import { pickEngineer } from '../feedback/browseCommands';
import { loadDemoData } from '../demo/demoData';

export function registerAccountFeatures(app: App): void {
  const { context, auth, engineers, sync, status, log } = app;
  const run = (fn: (arg?: unknown) => Promise<unknown>) => reportErrors(log, fn);

  // Demo journals stay on disk between sessions; show them again after a reload.
  void app.journals.store.list().then(
    (list) => {
      const demo = list.filter((e) => e.host === DEMO_HOST).map((e) => e.login);
      engineers.setDemoTeam(demo);
      if (demo.length > 0 && !auth.current && engineers.identityKnown) status.set({ kind: 'demo' });
    },
    () => engineers.setDemoTeam([]),
  );

  context.subscriptions.push(
    auth.onDidChange((user) => {
      engineers.setMe(user?.login);
      if (user) {
        status.set(auth.offline ? { kind: 'offline', message: auth.offline, lastSync: sync.lastSync } : { kind: 'idle', lastSync: sync.lastSync });
        sync.schedule();
        // The first sign-in always syncs; later ones only when the data went stale.
        if (!sync.lastSync || sync.isStale()) void sync.sync({ interactive: false });
      } else {
        status.set(engineers.isDemo ? { kind: 'demo' } : { kind: 'signed-out' });
      }
    }),
    auth.onDidChangeOffline((reason) => {
      if (!auth.current) return;
      if (reason) status.set({ kind: 'offline', message: reason, lastSync: sync.lastSync });
      else {
        status.set({ kind: 'idle', lastSync: sync.lastSync });
        // Back online: catch up if the data went stale meanwhile.
        if (!sync.lastSync || sync.isStale()) void sync.sync({ interactive: false });
      }
    }),
    vscode.commands.registerCommand(Commands.showLog, () => log.show()),
    vscode.commands.registerCommand(
      Commands.signIn,
      run(async () => {
        const user = await auth.signIn();
        if (user) void sync.sync({ interactive: true });
      }),
    ),
    vscode.commands.registerCommand(
      Commands.signInWithToken,
      run(async () => {
        const user = await auth.signInWithToken();
        if (user) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Review Mentor: signed in as {0}.', user.login));
          void sync.sync({ interactive: true });
        }
      }),
    ),
    vscode.commands.registerCommand(Commands.signOut, run(() => auth.signOut())),
    vscode.commands.registerCommand(
      Commands.sync,
      run(async () => {
        if (!auth.current) {
          const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Sign in to GitHub to sync review feedback.'), vscode.l10n.t('Sign in'), vscode.l10n.t('Use a token'));
          if (choice === vscode.l10n.t('Sign in')) await vscode.commands.executeCommand(Commands.signIn);
          if (choice === vscode.l10n.t('Use a token')) await vscode.commands.executeCommand(Commands.signInWithToken);
          return;
        }
        await sync.sync({ interactive: true });
      }),
    ),
    vscode.commands.registerCommand(Commands.cancelSync, () => sync.cancel()),
    vscode.commands.registerCommand(
      Commands.resyncAll,
      run(async () => {
        if (!auth.current) return void vscode.commands.executeCommand(Commands.sync);
        await sync.sync({ interactive: true, full: true });
      }),
    ),
    vscode.commands.registerCommand(
      Commands.trackEngineer,
      run(async () => {
        const login = await vscode.window.showInputBox({
          title: vscode.l10n.t('Track an engineer'),
          prompt: vscode.l10n.t('GitHub login of someone whose feedback you follow (a report, a mentee). Each gets a journal of their own.'),
          validateInput: (v) => validateLogin(v),
        });
        if (!login) return;
        await engineers.track(login.trim());
        await engineers.select({ login: login.trim(), host: engineers.syncable()[0]?.host ?? 'github.com' });
        if (auth.current) void sync.sync({ interactive: true });
      }),
    ),
    vscode.commands.registerCommand(
      Commands.untrackEngineer,
      run(async (arg?: unknown) => {
        const fromNode = typeof arg === 'object' && arg !== null ? (arg as { engineer?: { login?: unknown } }).engineer?.login : undefined;
        const login =
          typeof arg === 'string'
            ? arg
            : typeof fromNode === 'string'
              ? fromNode
            : (await vscode.window.showQuickPick(engineers.syncable().slice(auth.current ? 1 : 0).map((e) => e.login), { title: vscode.l10n.t('Stop tracking') }));
        if (login) await engineers.untrack(login);
      }),
    ),
    vscode.commands.registerCommand(
      Commands.selectEngineer,
      run(async () => {
        const picked = await pickEngineer(engineers.all(), engineers.selected(), engineers.signedIn);
        if (picked) await engineers.select(picked);
      }),
    ),
    vscode.commands.registerCommand(
      Commands.openDemo,
      run(async () =>
        vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Review Mentor: preparing demo data…') }, () => loadDemoData(app)),
      ),
    ),
  );
}
