// GitHub's issue search, as far as pull requests go: the qualifiers sync uses
// plus a few common ones. Unknown qualifiers match nothing rather than being
// ignored, so a typo in a query shows up in tests instead of on github.com.
import type { DatasetPullRequest } from '../src/demo/dataset';
import { sameLogin } from '../src/core/model';

/** GitHub returns at most 1,000 results for a search, whatever the count. */
export const SEARCH_RESULT_LIMIT = 1000;

export interface SearchResult {
  /** All matches, as GitHub's issueCount reports it. */
  issueCount: number;
  /** The reachable ones: at most SEARCH_RESULT_LIMIT, in the requested order. */
  items: DatasetPullRequest[];
}

type Test = (pr: DatasetPullRequest) => boolean;

export function searchPullRequests(prs: readonly DatasetPullRequest[], query: string, type: string, canRead: (repo: string) => boolean): SearchResult {
  if (type !== 'ISSUE') return { issueCount: 0, items: [] };
  const tests: Test[] = [(pr) => canRead(pr.repo)];
  let sort = 'created';
  let order: 'asc' | 'desc' = 'desc';
  for (const token of tokenize(query)) {
    const negate = token.startsWith('-') && token.includes(':');
    const raw = negate ? token.slice(1) : token;
    const colon = raw.indexOf(':');
    if (colon < 0) {
      const word = unquote(raw).toLowerCase();
      tests.push((pr) => pr.title.toLowerCase().includes(word));
      continue;
    }
    const key = raw.slice(0, colon).toLowerCase();
    const value = unquote(raw.slice(colon + 1));
    if (key === 'sort') {
      const m = /^(created|updated|comments)(?:-(asc|desc))?$/.exec(value);
      if (m) {
        sort = m[1]!;
        order = (m[2] as 'asc' | 'desc' | undefined) ?? 'desc';
      }
      continue;
    }
    const test = qualifier(key, value);
    tests.push(negate ? (pr) => !test(pr) : test);
  }
  const matches = prs.filter((pr) => tests.every((t) => t(pr)));
  const keyOf = (pr: DatasetPullRequest) => (sort === 'comments' ? commentCount(pr) : Date.parse(sort === 'updated' ? pr.updatedAt : pr.createdAt));
  const sign = order === 'asc' ? 1 : -1;
  // Ties broken by number then repo so pages are stable.
  matches.sort((a, b) => sign * (keyOf(a) - keyOf(b) || a.number - b.number || a.repo.localeCompare(b.repo)));
  return { issueCount: matches.length, items: matches.slice(0, SEARCH_RESULT_LIMIT) };
}

function qualifier(key: string, value: string): Test {
  switch (key) {
    case 'is':
    case 'type':
      return isTest(value.toLowerCase());
    case 'state':
      return isTest(value.toLowerCase());
    case 'author':
      return (pr) => loginIs(pr.author, value);
    case 'reviewed-by':
      return (pr) => reviewers(pr).some((l) => loginIs(l, value));
    case 'commenter':
      return (pr) => commenters(pr).some((l) => loginIs(l, value));
    case 'involves':
      return (pr) => loginIs(pr.author, value) || reviewers(pr).some((l) => loginIs(l, value)) || commenters(pr).some((l) => loginIs(l, value)) || pr.comments.some((c) => c.body.includes(`@${value}`));
    case 'repo':
      return (pr) => pr.repo.toLowerCase() === value.toLowerCase();
    case 'org':
    case 'user':
      return (pr) => pr.repo.toLowerCase().startsWith(`${value.toLowerCase()}/`);
    case 'updated':
    case 'created': {
      const range = dateRange(value);
      if (!range) return () => false;
      return (pr) => {
        const t = Date.parse(key === 'updated' ? pr.updatedAt : pr.createdAt);
        return t >= range.from && t < range.to;
      };
    }
    case 'archived':
    case 'draft':
      // Nothing in the dataset is archived or a draft.
      return value === 'false' ? () => true : () => false;
    default:
      return () => false;
  }
}

function isTest(value: string): Test {
  switch (value) {
    case 'pr':
      return () => true;
    case 'issue':
      return () => false;
    case 'open':
      return (pr) => pr.state === 'OPEN';
    case 'closed':
      return (pr) => pr.state !== 'OPEN';
    case 'merged':
      return (pr) => pr.state === 'MERGED';
    case 'unmerged':
      return (pr) => pr.state === 'CLOSED';
    default:
      return () => false;
  }
}

/** Review authors and inline commenters, not counting the PR's author. */
function reviewers(pr: DatasetPullRequest): string[] {
  const out = pr.reviews.map((r) => r.author);
  for (const t of pr.threads) for (const c of t.comments) out.push(c.author);
  return out.filter((l) => !sameLogin(l, pr.author));
}

function commenters(pr: DatasetPullRequest): string[] {
  const out = pr.comments.map((c) => c.author);
  for (const t of pr.threads) for (const c of t.comments) out.push(c.author);
  return out;
}

function commentCount(pr: DatasetPullRequest): number {
  return pr.comments.length + pr.threads.reduce((n, t) => n + t.comments.length, 0);
}

// Search accepts "dependabot" or "app/dependabot" for the bot "dependabot[bot]".
const botless = (login: string) => login.replace(/^app\//, '');
const loginIs = (login: string, wanted: string) => sameLogin(login, wanted) || sameLogin(login, `${botless(wanted)}[bot]`);

const DAY = 86_400_000;

/**
 * `>=2026-05-01`, `>2026-05-01T10:00:00Z`, `<D`, `<=D`, `D`, `D1..D2`, `D..*`.
 * A bare date is a whole UTC day, so `>D` starts the next day.
 */
export function dateRange(value: string): { from: number; to: number } | undefined {
  const point = (text: string): { start: number; end: number } | undefined => {
    if (text === '*') return undefined;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
    const t = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
    if (Number.isNaN(t)) return undefined;
    return { start: t, end: dateOnly ? t + DAY : t + 1 };
  };
  const range = /^(.+?)\.\.(.+)$/.exec(value);
  if (range) {
    const a = range[1] === '*' ? { start: -Infinity, end: -Infinity } : point(range[1]!);
    const b = range[2] === '*' ? { start: Infinity, end: Infinity } : point(range[2]!);
    return a && b ? { from: a.start, to: b.end } : undefined;
  }
  const m = /^(>=|<=|>|<)?(.+)$/.exec(value);
  const p = m && point(m[2]!);
  if (!m || !p) return undefined;
  switch (m[1]) {
    case '>=':
      return { from: p.start, to: Infinity };
    case '>':
      return { from: p.end, to: Infinity };
    case '<=':
      return { from: -Infinity, to: p.end };
    case '<':
      return { from: -Infinity, to: p.start };
    default:
      return { from: p.start, to: p.end };
  }
}

function tokenize(query: string): string[] {
  return query.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
}

function unquote(s: string): string {
  return s.replace(/"/g, '');
}
