// Test stand-in for the VS Code webview host: acquireVsCodeApi records posted
// messages and keeps state in sessionStorage (so it survives a reload, as the
// real getState/setState does). Tests post host messages with __host.post().
(() => {
  const KEY = 'journal-harness-state';
  window.__posted = [];
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` });
  });
  window.__host = {
    post(message) {
      window.dispatchEvent(new MessageEvent('message', { data: message }));
    },
  };
  const params = new URLSearchParams(location.search);
  // As VS Code's webview host does: high-contrast light also gets vscode-high-contrast.
  const theme = `vscode-${params.get('theme') || 'dark'}`;
  document.body.className = theme === 'vscode-high-contrast-light' ? `${theme} vscode-high-contrast` : theme;
  document.body.dataset.vscodeThemeKind = theme;
  if (params.get('renderAll') === '1') document.body.dataset.benchRenderAll = 'true';
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return {
      postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => JSON.parse(sessionStorage.getItem(KEY) || 'null'),
      setState: (s) => sessionStorage.setItem(KEY, JSON.stringify(s)),
    };
  };
})();
