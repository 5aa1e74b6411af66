// "Open demo data": writes journals for the built-in demo team, generated
// offline from the same deterministic data the sandbox GitHub serves.
import * as vscode from 'vscode';
import { feedbackForEngineer } from '../../demo/toFeedback';
import type { App } from '../../app';
import { DEMO_HOST } from '../engineers/engineerService';
import { prepareSyncedFeedback } from '../tagging/prepare';
import { loadLazyBundle } from '../../platform/lazyBundle';

type Generator = typeof import('../../demo/generate');

/** The generator and its text templates are a bundle of their own, loaded only when asked for. */
function loadGenerator(): Generator {
  return loadLazyBundle<Generator>('demo');
}

export async function loadDemoData(app: App): Promise<void> {
  const { generateDataset } = loadGenerator();
  // The history ends today, so "last 30 days" has something to show.
  const dataset = generateDataset({ baseDate: `${new Date().toISOString().slice(0, 10)}T00:00:00Z` });
  const team = dataset.users.filter((u) => u.type === 'User').map((u) => u.login);
  const prepare = prepareSyncedFeedback(app.classifier);
  for (const login of team) {
    const engineer = { login, host: DEMO_HOST };
    const items = feedbackForEngineer(dataset, login, { serverUrl: '', includeBots: false }).map(prepare);
    await app.journals.write(engineer, async (h) => {
      await h.upsertFeedback(items, { syncedUntil: new Date().toISOString() });
    });
  }
  app.engineers.setDemoTeam(team);
  await app.engineers.select({ login: team[0]!, host: DEMO_HOST });
  if (!app.auth.current) app.status.set({ kind: 'demo' });
  app.log.info(`Demo data ready: ${team.length} engineers.`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Review Mentor: showing demo data for {0}. Switch engineers with "Select engineer..." in the Feedback view\'s ⋯ menu.', team[0]));
}
