// Journal panel entry point (bundled to dist/webview/journal.js).
import './zodConfig';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './styles.css';
import { JournalApp } from './app';
import { initL10n } from './l10n';

initL10n();
const root = document.getElementById('app')!;
const toastRoot = document.createElement('div');
toastRoot.className = 'toast-root';
document.body.append(toastRoot);
new JournalApp(root, toastRoot).start();
