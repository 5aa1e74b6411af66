// Every command id, declared once. package.json contributes the same ids;
// a unit test checks the two lists agree.
export const Commands = {
  signIn: 'reviewMentor.signIn',
  signInWithToken: 'reviewMentor.signInWithToken',
  signOut: 'reviewMentor.signOut',
  openDemo: 'reviewMentor.openDemo',
  showLog: 'reviewMentor.showLog',
  sync: 'reviewMentor.sync',
  cancelSync: 'reviewMentor.cancelSync',
  trackEngineer: 'reviewMentor.trackEngineer',
  untrackEngineer: 'reviewMentor.untrackEngineer',
  selectEngineer: 'reviewMentor.selectEngineer',
  showEngineer: 'reviewMentor.showEngineer',
  groupBy: 'reviewMentor.groupBy',
  filter: 'reviewMentor.filter',
  clearFilter: 'reviewMentor.clearFilter',
  search: 'reviewMentor.search',
  openFeedback: 'reviewMentor.openFeedback',
  openOnGitHub: 'reviewMentor.openOnGitHub',
  markLearned: 'reviewMentor.markLearned',
  copyAsMarkdown: 'reviewMentor.copyAsMarkdown',
  tag: 'reviewMentor.tag',
  removeTag: 'reviewMentor.removeTag',
  acceptSuggestion: 'reviewMentor.acceptSuggestion',
  rejectSuggestion: 'reviewMentor.rejectSuggestion',
  publishTag: 'reviewMentor.publishTag',
  openJournal: 'reviewMentor.openJournal',
  exportSummary: 'reviewMentor.exportSummary',
  reviewSuggestions: 'reviewMentor.reviewSuggestions',
  tagAndPublish: 'reviewMentor.tagAndPublish',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
