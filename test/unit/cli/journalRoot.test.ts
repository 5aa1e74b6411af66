import * as assert from 'node:assert/strict';
import { resolveJournalRoot } from '../../../src/cli/journalRoot';

describe('CLI journal folder', () => {
  const linux = { platform: 'linux' as const, home: '/home/ana', env: {} };
  it('defaults to the folder VS Code gives the extension, per OS', () => {
    assert.equal(resolveJournalRoot(undefined, linux).dir, '/home/ana/.config/Code/User/globalStorage/review-mentor.review-mentor/journals');
    assert.equal(
      resolveJournalRoot(undefined, { ...linux, env: { XDG_CONFIG_HOME: '/xdg' } }).dir,
      '/xdg/Code/User/globalStorage/review-mentor.review-mentor/journals',
    );
    assert.equal(
      resolveJournalRoot(undefined, { platform: 'darwin', home: '/Users/ana', env: {} }).dir,
      '/Users/ana/Library/Application Support/Code/User/globalStorage/review-mentor.review-mentor/journals',
    );
    assert.equal(
      resolveJournalRoot(undefined, { platform: 'win32', home: 'C:\\Users\\ana', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' } }).dir,
      'C:\\Users\\ana\\AppData\\Roaming\\Code\\User\\globalStorage\\review-mentor.review-mentor\\journals',
    );
  });
  it('takes --journal-dir first, then REVIEW_MENTOR_JOURNAL_DIR, and says which', () => {
    const env = { REVIEW_MENTOR_JOURNAL_DIR: '/from/env' };
    assert.deepEqual(resolveJournalRoot('/from/flag', { ...linux, env }), { dir: '/from/flag', source: '--journal-dir' });
    assert.deepEqual(resolveJournalRoot(undefined, { ...linux, env }), { dir: '/from/env', source: 'REVIEW_MENTOR_JOURNAL_DIR' });
    assert.equal(resolveJournalRoot(undefined, linux).source, "VS Code's storage for Review Mentor");
  });
});
