// "Deleted on GitHub" stubs as the journal panel shows them: a comment sync
// found gone from GitHub stays in the journal only while a goal, action or
// note links to it (see the store's upsertFeedback), so the entry can still
// say what it pointed at, when it went, and why it is kept. Counted nowhere.
import * as l10n from '@vscode/l10n';
import { excerpt } from './journalStats';
import type { EntryKind, Journal } from './model';

export interface DeletedStub {
  id: string;
  reviewer: string;
  /** The first words of the comment as last synced. */
  excerpt: string;
  /** When sync found it gone (ISO, GitHub's clock). */
  deletedOnGitHubAt: string;
}

const EXCERPT_CHARS = 200;

/** The stubs among `ids` (all linked stubs when absent) that an entry links to. */
export function deletedStubs(journal: Pick<Journal, 'feedback' | 'entries'>, ids?: Iterable<string>): DeletedStub[] {
  const linked = new Set(journal.entries.flatMap((e) => e.links));
  const out: DeletedStub[] = [];
  for (const id of ids ?? linked) {
    const f = journal.feedback[id];
    if (!f?.deletedOnGitHubAt || !linked.has(id)) continue;
    out.push({ id, reviewer: f.reviewer, excerpt: excerpt(f.body, EXCERPT_CHARS), deletedOnGitHubAt: f.deletedOnGitHubAt });
  }
  return out;
}

/** What a linked entry says of a stub: "Deleted on GitHub on Nov 14, 2026; kept here because this goal links to it." */
export function deletedStubText(stub: Pick<DeletedStub, 'deletedOnGitHubAt'>, kind: EntryKind, formatDate: (d: Date) => string): string {
  const at = new Date(stub.deletedOnGitHubAt);
  const known = !Number.isNaN(at.getTime());
  // One whole sentence per kind, so a translation can inflect it.
  switch (kind) {
    case 'goal':
      return known ? l10n.t('Deleted on GitHub on {0}; kept here because this goal links to it.', formatDate(at)) : l10n.t('Deleted on GitHub; kept here because this goal links to it.');
    case 'action':
      return known ? l10n.t('Deleted on GitHub on {0}; kept here because this action item links to it.', formatDate(at)) : l10n.t('Deleted on GitHub; kept here because this action item links to it.');
    case 'note':
      return known ? l10n.t('Deleted on GitHub on {0}; kept here because this note links to it.', formatDate(at)) : l10n.t('Deleted on GitHub; kept here because this note links to it.');
  }
}
