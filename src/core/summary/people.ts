// Names of people other than the engineers a summary is about. With names
// left out they become "Reviewer 1", "Reviewer 2", ... numbered by their
// first comment in time, so the same data always gives the same pseudonyms,
// and the numbering says nothing about the logins themselves.
import * as l10n from '@vscode/l10n';
import type { Feedback } from '../model';

export interface People {
  name(login: string): string;
  /** Replaces the logins of other people (with or without @) inside free text by their pseudonyms. */
  scrub(text: string): string;
}

export function people(items: readonly Feedback[], subjects: readonly string[], includeNames: boolean): People {
  if (includeNames) return { name: (login) => login, scrub: (text) => text };
  const keep = new Set(subjects.map((s) => s.toLowerCase()));
  const order = [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const names = new Map<string, string>();
  const counts = { reviewer: 0, author: 0 };
  const pseudonym = { reviewer: (k: number) => l10n.t('Reviewer {0}', k), author: (k: number) => l10n.t('Author {0}', k) };
  const assign = (login: string, role: 'reviewer' | 'author') => {
    const key = login.toLowerCase();
    if (keep.has(key) || names.has(key)) return;
    names.set(key, pseudonym[role](++counts[role]));
  };
  for (const f of order) assign(f.reviewer, 'reviewer');
  // People only ever seen as PR authors (feedback the engineer gave).
  for (const f of order) assign(f.author, 'author');
  const name = (login: string) => (keep.has(login.toLowerCase()) ? login : (names.get(login.toLowerCase()) ?? l10n.t('a reviewer')));
  // Longest logins first, so "ann" does not eat part of "anna".
  const logins = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = logins.length ? new RegExp(`(?<![\\w-])@?(${logins.join('|')})(?![\\w-])`, 'gi') : undefined;
  return { name, scrub: (text) => (pattern ? text.replace(pattern, (_m, login: string) => name(login)) : text) };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
