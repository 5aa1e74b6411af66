import { strict as assert } from 'node:assert';
import { defaultExportFolder, exportFileName, insideGitWorkTree, openActions, type FolderProbe } from '../../../src/core/exportTarget';

/** A fake file system: the folders and files that exist. */
function fs(paths: string[]): FolderProbe {
  const set = new Set(paths);
  return { isFolder: (d) => set.has(d), exists: (f) => set.has(f) };
}

describe('core/exportTarget', () => {
  const probe = fs(['/home/ann', '/home/ann/Documents', '/home/ann/src/app', '/home/ann/src/app/.git', '/home/ann/src/app/docs', '/home/ann/notes']);

  it('finds a git work tree above a folder (.git folder or file)', () => {
    assert.equal(insideGitWorkTree('/home/ann/src/app/docs', probe), true);
    assert.equal(insideGitWorkTree('/home/ann/Documents', probe), false);
    assert.equal(insideGitWorkTree('/w/sub', fs(['/w/.git'])), true, 'a .git file (worktree, submodule) counts');
  });

  it('defaults to the remembered folder, else Documents, else home; never inside a git work tree', () => {
    assert.equal(defaultExportFolder({ home: '/home/ann' }, probe), '/home/ann/Documents');
    assert.equal(defaultExportFolder({ home: '/home/ann', remembered: '/home/ann/notes' }, probe), '/home/ann/notes');
    assert.equal(defaultExportFolder({ home: '/home/ann', remembered: '/home/ann/src/app/docs' }, probe), '/home/ann/Documents', 'a work tree is never the default');
    assert.equal(defaultExportFolder({ home: '/home/ann', remembered: '/gone' }, probe), '/home/ann/Documents', 'a folder that is gone');
    assert.equal(defaultExportFolder({ home: '/root' }, fs(['/root'])), '/root', 'no Documents folder');
  });

  it('names the file after the engineer and the export date', () => {
    assert.equal(exportFileName(['priya-dev'], '2026-11-20', 'md'), 'review-summary-priya-dev-2026-11-20.md');
    assert.equal(exportFileName(['a', 'b'], '2026-11-20', 'html'), 'review-summary-team-2026-11-20.html');
    assert.equal(exportFileName(['x/../y'], '2026-11-20', 'csv'), 'review-summary-x_.._y-2026-11-20.csv');
  });

  it('offers "Open in browser" only where it works (desktop), a preview in the web workbench', () => {
    assert.deepEqual(openActions('html', true), ['Open', 'Open preview']);
    assert.deepEqual(openActions('html', false), ['Open', 'Open preview', 'Open in browser']);
    assert.deepEqual(openActions('md', true), ['Open']);
    assert.deepEqual(openActions('md', false), ['Open', 'Reveal']);
  });
});
