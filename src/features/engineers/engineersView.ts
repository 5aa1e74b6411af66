// The Engineers view: you, the engineers you track and, with demo data, the
// demo team. Clicking one shows their feedback; the context menu opens their
// journal, exports a summary or stops tracking them.
import * as vscode from 'vscode';
import type { EngineerRef } from '../../core/model';
import { sameLogin } from '../../core/model';
import type { App } from '../../app';
import { DEMO_HOST } from './engineerService';
import { Commands } from '../../platform/commandIds';
import { engineerAccessibleLabel } from '../feedback/accessibleLabels';

export interface EngineerNode {
  kind: 'engineer';
  engineer: EngineerRef;
  role: 'me' | 'tracked' | 'demo';
}

export function registerEngineersView(app: App): void {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.TreeDataProvider<EngineerNode> = {
    onDidChangeTreeData: changed.event,
    getChildren: () => {
      const me = app.engineers.signedIn;
      return app.engineers.all().map((engineer) => ({
        kind: 'engineer' as const,
        engineer,
        role: engineer.host === DEMO_HOST ? ('demo' as const) : me && sameLogin(me.login, engineer.login) && me.host === engineer.host ? ('me' as const) : ('tracked' as const),
      }));
    },
    getTreeItem: (node) => {
      const selected = app.engineers.selected();
      const isSelected = !!selected && selected.host === node.engineer.host && sameLogin(selected.login, node.engineer.login);
      const item = new vscode.TreeItem(node.engineer.login, vscode.TreeItemCollapsibleState.None);
      item.id = `${node.engineer.host}/${node.engineer.login}`;
      const syncNote = app.sync.statusOf(node.engineer);
      const failed = !!syncNote?.failed;
      const role = node.role === 'me' ? vscode.l10n.t('you') : node.role === 'demo' ? vscode.l10n.t('demo data') : vscode.l10n.t('tracked');
      item.description = [role, isSelected ? vscode.l10n.t('shown') : undefined, failed ? vscode.l10n.t('sync failed') : undefined].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(failed ? 'warning' : isSelected ? 'eye' : 'person');
      item.tooltip = syncNote
        ? vscode.l10n.t('{0} on {1}. {2} Click to show their feedback.', node.engineer.login, node.engineer.host, syncNote.text)
        : vscode.l10n.t('{0} on {1}. Click to show their feedback.', node.engineer.login, node.engineer.host);
      item.contextValue = `engineer ${node.role}`;
      item.accessibilityInformation = { label: engineerAccessibleLabel(node.engineer, node.role, isSelected) };
      item.command = { command: Commands.showEngineer, title: vscode.l10n.t('Show feedback'), arguments: [node] };
      return item;
    },
  };
  app.context.subscriptions.push(
    changed,
    vscode.window.createTreeView('reviewMentor.engineers', { treeDataProvider: provider }),
    app.engineers.onDidChange(() => changed.fire()),
    app.sync.onDidChangeEngineerStatus(() => changed.fire()),
    vscode.commands.registerCommand(Commands.showEngineer, (node?: EngineerNode) => node && app.engineers.select(node.engineer)),
  );
}
