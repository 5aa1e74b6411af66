export { JournalPanel, JournalPanels, JournalPanelSerializer, JOURNAL_VIEW_TYPE } from './journalPanel';
export { JournalController, type WebviewPort } from './journalController';
export type { JournalPanelBackend, PanelLogger, TagOperation } from './backend';
