// Deterministic demo data: a team, their repositories and nine months of pull
// requests with review threads in natural English. Pure (no I/O, no clock):
// the same options give byte-identical JSON, so the sandbox GitHub, the tests
// and the offline "Open demo data" all see the same team.
import type { Dataset, DatasetComment, DatasetPullRequest, DatasetReview, DatasetThread, DatasetUser } from './dataset';
import { REPO_CATALOG, hunkAt, virtualFile, type RepoSpec } from './code';
import { fill, hashString, mulberry32, type Rng } from './prng';
import * as T from './templates';

export const DEMO_TOKEN = 'demo-token';
/** The signed-in user for DEMO_TOKEN: the first engineer of the default team. */
export const DEMO_VIEWER = 'priya-dev';
export const DEFAULT_SEED = 42;
/** Fixed, so output never depends on when it is generated. */
export const DEFAULT_BASE_DATE = '2026-11-01T00:00:00Z';

export interface GenerateOptions {
  seed?: number;
  /** Human engineers (default 6, at least 2 so there is someone to review). */
  engineers?: number;
  /** Repositories (default 8, at most 8). */
  repos?: number;
  /** Pull requests (default 300). */
  prs?: number;
  /** Organisation owning the repositories (default "acme"). */
  org?: string;
  /** All activity happens before this instant (ISO). */
  baseDate?: string;
  /** How far back activity goes (default 270 days). */
  days?: number;
}

const TEAM: readonly [string, string][] = [
  ['priya-dev', 'Priya Raman'],
  ['sam-lee', 'Sam Lee'],
  ['marco-rossi', 'Marco Rossi'],
  ['aisha-k', 'Aisha Khan'],
  ['jonas-berg', 'Jonas Berg'],
  ['lena-ortiz', 'Lena Ortiz'],
  ['tom-okafor', 'Tom Okafor'],
  ['mei-chen', 'Mei Chen'],
];
export const BOTS = { dependabot: 'dependabot[bot]', ci: 'ci-helper[bot]' } as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LABEL_SHARE = 0.62; // of first thread comments; ~25% of all comments overall

interface Profile {
  login: string;
  /** Categories this person tends to raise as a reviewer. */
  focus: T.DemoCategory[];
  /** Categories this person tends to receive; they fade over time (growth). */
  growth: T.DemoCategory[];
}

export function generateDataset(opts: GenerateOptions = {}): Dataset {
  const seed = opts.seed ?? DEFAULT_SEED;
  const rng = mulberry32(seed);
  const org = opts.org ?? 'acme';
  const base = Date.parse(opts.baseDate ?? DEFAULT_BASE_DATE);
  const span = (opts.days ?? 270) * DAY;
  const engineers = teamOf(opts.engineers ?? 6);
  const repos = REPO_CATALOG.slice(0, Math.max(1, Math.min(opts.repos ?? 8, REPO_CATALOG.length)));
  const profiles = engineers.map(([login]): Profile => ({ login, focus: rng.sample(T.CATEGORIES, 3), growth: rng.sample(T.TECHNICAL, 2) }));
  const ids = idMaker(seed);

  const users: DatasetUser[] = [
    ...engineers.map(([login, name]): DatasetUser => ({ login, name, type: 'User' })),
    { login: BOTS.dependabot, name: 'Dependabot', type: 'Bot' },
    { login: BOTS.ci, name: 'CI Helper', type: 'Bot' },
  ];

  // Creation times first, sorted, so PR numbers grow with time in each repo.
  const count = opts.prs ?? 300;
  const starts = Array.from({ length: count }, () => base - 2 * DAY - Math.floor(Math.pow(rng.next(), 0.9) * (span - 4 * DAY))).sort((a, b) => a - b);
  const nextNumber = new Map(repos.map((r, i) => [r.name, 40 + i * 17]));

  const pullRequests = starts.map((created) => {
    const repo = rng.pick(repos);
    const number = nextNumber.get(repo.name)!;
    nextNumber.set(repo.name, number + rng.int(1, 3));
    const ctx: PrContext = { rng, ids, seed, org, repo, number, created: workHours(created, rng), base, span, profiles };
    return rng.chance(0.05) ? dependencyPr(ctx) : teamPr(ctx);
  });
  return { formatVersion: 1, users, repos: repos.map((r) => ({ owner: org, name: r.name })), pullRequests };
}

interface PrContext {
  rng: Rng;
  ids: IdMaker;
  seed: number;
  org: string;
  repo: RepoSpec;
  number: number;
  created: number;
  base: number;
  span: number;
  profiles: Profile[];
}

function teamPr(ctx: PrContext): DatasetPullRequest {
  const { rng, ids, repo, base } = ctx;
  const author = rng.pick(ctx.profiles);
  const others = ctx.profiles.filter((p) => p !== author);
  const reviewers = rng.sample(others, rng.weighted([[1, 3], [2, 5], [3, 2]] as const));
  const age = (base - ctx.created) / ctx.span; // 1 = oldest, 0 = newest
  const noun = rng.pick(repo.nouns);
  const file = virtualFile(ctx.seed, repo, rng.pick(repo.paths));
  const slotsBase = { noun, fn: file.owner.find((o) => o) ?? 'main', other: rng.pick(others).login };
  const clock = new Clock(ctx.created, base, rng);

  const threads: DatasetThread[] = [];
  const nThreads = rng.weighted([[0, 1], [1, 2], [2, 4], [3, 4], [4, 4], [5, 3], [6, 2], [8, 1]] as const);
  for (let i = 0; i < nThreads; i++) {
    const reviewer = rng.pick(reviewers);
    const path = rng.pick(repo.paths);
    const hunk = hunkAt(virtualFile(ctx.seed, repo, path), rng.int(8, 300), rng);
    const category = pickCategory(rng, reviewer, author, age);
    // "{other}" is a third person: neither the author nor this reviewer.
    const third = others.filter((p) => p !== reviewer);
    const slots = { ...slotsBase, fn: hunk.fn, file: basename(path), n: String(rng.pick([3, 10, 50, 100])), other: (third.length ? rng.pick(third) : reviewer).login };
    let body = fill(rng.pick(T.INLINE[category]), slots);
    if (rng.chance(LABEL_SHARE)) body = `${rng.pick(T.LABELS[category])}: ${lowerFirst(body)}`;
    const comments = [comment(ids.next('PRRC'), ids.db('PRRC'), reviewer.login, body, clock.after(1, 30), rng, category)];
    const replies = rng.weighted([[0, 3], [1, 4], [2, 2], [3, 1]] as const);
    for (let r = 0; r < replies; r++) {
      const byAuthor = r % 2 === 0;
      const text = byAuthor ? rng.pick(T.REPLIES_AUTHOR) : rng.pick(T.REPLIES_REVIEWER);
      comments.push(comment(ids.next('PRRC'), ids.db('PRRC'), byAuthor ? author.login : reviewer.login, text, clock.after(0.5, 20), rng));
    }
    threads.push(thread(ids, path, hunk, rng, comments));
  }
  if (rng.chance(0.12)) {
    const path = rng.pick(repo.paths);
    const hunk = hunkAt(virtualFile(ctx.seed, repo, path), rng.int(8, 300), rng);
    const bot = rng.pick(T.BOT_INLINE);
    const text = fill(bot.text, { file: basename(path), n: String(hunk.line - 2), m: String(hunk.line) });
    threads.push(thread(ids, path, hunk, rng, [comment(ids.next('PRRC'), ids.db('PRRC'), BOTS.ci, text, clock.after(0.1, 0.5), rng, bot.category)]));
  }

  const reviews: DatasetReview[] = [];
  for (const reviewer of reviewers) {
    const rounds = rng.chance(0.3) ? 2 : 1;
    for (let k = 0; k < rounds; k++) {
      const state = k < rounds - 1 ? rng.pick(['CHANGES_REQUESTED', 'COMMENTED'] as const) : rng.weighted([['APPROVED', 6], ['COMMENTED', 2], ['CHANGES_REQUESTED', 1]] as const);
      const hasBody = rng.chance(0.65);
      const [category, text] = rng.pick(T.REVIEW_SUMMARY[state]);
      let body = hasBody ? fill(text, slotsBase) : '';
      if (hasBody && state === 'APPROVED' && rng.chance(0.4)) body = `praise: ${lowerFirst(body)}`;
      const at = clock.after(1, 30);
      reviews.push({ id: ids.next('PRR'), databaseId: ids.db('PRR'), author: reviewer.login, body, state, submittedAt: iso(at), updatedAt: iso(at), ...(hasBody ? { category } : {}) });
    }
  }

  const comments: DatasetComment[] = [];
  const nConversation = rng.weighted([[0, 3], [1, 4], [2, 3], [3, 1]] as const);
  for (let i = 0; i < nConversation; i++) {
    const c = rng.pick(T.CONVERSATION);
    const who = rng.chance(0.3) ? author : rng.pick(reviewers);
    comments.push(comment(ids.next('IC'), ids.db('IC'), who.login, fill(c.text, slotsBase), clock.after(1, 40), rng, c.category));
  }
  if (rng.chance(0.4)) {
    const text = fill(rng.pick(T.BOT_CONVERSATION), { n: String(rng.int(62, 94)), m: String(rng.int(0, 9)), pr: String(ctx.number) });
    comments.push(comment(ids.next('IC'), ids.db('IC'), BOTS.ci, text, clock.after(0.1, 1), rng, 'tooling'));
  }

  const title = fill(rng.pick(T.PR_TITLES), slotsBase);
  return finish(ctx, { author: author.login, title, threads, reviews, comments }, clock);
}

/** Dependabot PRs: an approval, sometimes a short reply; no inline threads. */
function dependencyPr(ctx: PrContext): DatasetPullRequest {
  const { rng, ids } = ctx;
  const lib = rng.pick(['lodash', 'express', 'zod', 'axios', 'pytest', 'golang.org/x/net', 'eslint']);
  const title = `Bump ${lib} from 1.${rng.int(2, 9)}.0 to 1.${rng.int(10, 14)}.1`;
  const clock = new Clock(ctx.created, ctx.base, rng);
  const reviewer = rng.pick(ctx.profiles).login;
  const at = clock.after(2, 60);
  const body = rng.chance(0.5) ? 'Changelog looks safe, tests are green.' : '';
  const reviews: DatasetReview[] = [{ id: ids.next('PRR'), databaseId: ids.db('PRR'), author: reviewer, body, state: 'APPROVED', submittedAt: iso(at), updatedAt: iso(at), ...(body ? { category: 'tooling' } : {}) }];
  const comments = rng.chance(0.5) ? [comment(ids.next('IC'), ids.db('IC'), BOTS.dependabot, 'Dependabot will resolve any conflicts with this PR as long as you don\'t alter it yourself.', clock.after(0.1, 0.2), rng, 'tooling')] : [];
  return finish(ctx, { author: BOTS.dependabot, title, threads: [], reviews, comments }, clock);
}

function finish(ctx: PrContext, parts: Pick<DatasetPullRequest, 'author' | 'title' | 'threads' | 'reviews' | 'comments'>, clock: Clock): DatasetPullRequest {
  const { rng } = ctx;
  const recent = ctx.base - ctx.created < 20 * DAY;
  const state = recent && rng.chance(0.6) ? 'OPEN' : rng.chance(0.9) ? 'MERGED' : 'CLOSED';
  const closedAt = state === 'OPEN' ? clock.last : clock.after(1, 24);
  for (const t of parts.threads) {
    t.isResolved = rng.chance(state === 'OPEN' ? 0.25 : 0.6);
  }
  return { id: ctx.ids.next('PR'), number: ctx.number, repo: `${ctx.org}/${ctx.repo.name}`, title: parts.title, author: parts.author, state, createdAt: iso(ctx.created), updatedAt: iso(Math.max(closedAt, latestEdit(parts))), reviews: parts.reviews, threads: parts.threads, comments: parts.comments };
}

function latestEdit(parts: Pick<DatasetPullRequest, 'threads' | 'reviews' | 'comments'>): number {
  let max = 0;
  for (const t of parts.threads) for (const c of t.comments) max = Math.max(max, Date.parse(c.updatedAt));
  for (const c of parts.comments) max = Math.max(max, Date.parse(c.updatedAt));
  for (const r of parts.reviews) max = Math.max(max, Date.parse(r.updatedAt));
  return max;
}

function thread(ids: IdMaker, path: string, hunk: { diffHunk: string; line: number }, rng: Rng, comments: DatasetComment[]): DatasetThread {
  // Outdated threads lose their current line on GitHub; the original stays.
  const isOutdated = rng.chance(0.15);
  return { id: ids.next('PRRT'), path, line: isOutdated ? null : hunk.line, originalLine: hunk.line, diffHunk: hunk.diffHunk, isResolved: false, isOutdated, comments };
}

function comment(id: string, databaseId: number, author: string, body: string, at: number, rng: Rng, category?: string): DatasetComment {
  const edited = rng.chance(0.05) ? at + rng.int(2, 90) * 60_000 : at;
  return { id, databaseId, author, body, createdAt: iso(at), updatedAt: iso(edited), ...(category ? { category } : {}) };
}

function pickCategory(rng: Rng, reviewer: Profile, author: Profile, age: number): T.DemoCategory {
  // Growth areas are raised more often early on and less later: a visible trend.
  return rng.weighted(
    T.CATEGORIES.map((c): [T.DemoCategory, number] => {
      let w = (T.TECHNICAL as readonly string[]).includes(c) ? 3 : 1.4;
      if (reviewer.focus.includes(c)) w += 2.5;
      if (author.growth.includes(c)) w += 4 * age;
      return [c, w];
    }),
  );
}

/** Activity moves forward in time, never past the base date. */
class Clock {
  last: number;
  constructor(
    start: number,
    private readonly limit: number,
    private readonly rng: Rng,
  ) {
    this.last = start;
  }
  after(minHours: number, maxHours: number): number {
    const step = (minHours + (maxHours - minHours) * this.rng.next()) * HOUR;
    this.last = Math.min(this.last + Math.round(step / 1000) * 1000, this.limit - 60_000);
    return this.last;
  }
}

interface IdMaker {
  next(prefix: string): string;
  db(prefix: string): number;
}

/** GitHub-looking node ids ("PRRC_kwDO…") and REST ids, unique per kind. */
function idMaker(seed: number): IdMaker {
  const counters = new Map<string, number>();
  const dbCounters = new Map<string, number>();
  const salt = b62(hashString(`seed:${seed}`), 6);
  const dbBase: Record<string, number> = { PRRC: 1_400_000_000, PRR: 1_800_000_000, IC: 2_100_000_000 };
  return {
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_kwDO${salt}${b62(n, 5)}`;
    },
    db(prefix) {
      const n = (dbCounters.get(prefix) ?? 0) + 1;
      dbCounters.set(prefix, n);
      return (dbBase[prefix] ?? 1_000_000_000) + n * 7;
    },
  };
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function b62(n: number, width: number): string {
  let s = '';
  let v = Math.floor(n);
  do {
    s = B62[v % 62] + s;
    v = Math.floor(v / 62);
  } while (v > 0);
  return s.padStart(width, '0');
}

function teamOf(n: number): [string, string][] {
  return Array.from({ length: Math.max(2, n) }, (_, i) => TEAM[i] ?? [`dev-${i + 1}`, `Developer ${i + 1}`]);
}

/** Moves a timestamp into 08:00–18:00 UTC on the same day, seconds zeroed. */
function workHours(t: number, rng: Rng): number {
  const day = Math.floor(t / DAY) * DAY;
  return day + rng.int(8, 17) * HOUR + rng.int(0, 59) * 60_000;
}

const iso = (t: number) => new Date(t).toISOString();
const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
