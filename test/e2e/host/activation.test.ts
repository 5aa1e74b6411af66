// Runs inside the extension host of a real VS Code (code-server 4.100.3).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'review-mentor.review-mentor';

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Review Mentor in the extension host', () => {
  it('is installed and activates on start-up without being asked', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    assert.equal(ext.packageJSON.publisher, 'review-mentor');
    // onStartupFinished activates it; do not call activate() here, so a broken
    // activation event or a throwing activate() fails this test.
    await until('activation', () => ext.isActive);
    assert.equal(ext.isActive, true);
  });

  it('registers reviewMentor.showLog and runs it', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('reviewMentor.showLog'), 'reviewMentor.showLog is not registered');
    // Every contributed command should have a handler once the extension is active.
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed: string[] = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const missing = contributed.filter((c) => !commands.includes(c));
    assert.ok(missing.length === 0, `contributed but not registered: ${missing.join(', ')}`);
    await vscode.commands.executeCommand('reviewMentor.showLog');
  });
});
