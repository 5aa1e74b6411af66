// My reviews panel entry point (bundled to dist/webview/mirror.js and mirror.css).
import '../zodConfig';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '../styles.css';
import './mirror.css';
import { MirrorApp } from './app';
import { initL10n } from '../l10n';

initL10n();

const root = document.getElementById('app')!;
const toastRoot = document.createElement('div');
toastRoot.className = 'toast-root';
document.body.append(toastRoot);
new MirrorApp(root, toastRoot).start();
