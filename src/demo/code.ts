// Source files for the demo repositories. Each (repo, path) gets one virtual
// file built from code blocks, so every diff hunk on that path is a window of
// the same text and demo clones (workspace.ts) line up with the comments.
import { fill, hashString, mulberry32 } from './prng';

export type Lang = 'ts' | 'go' | 'py' | 'tf';

export interface RepoSpec {
  name: string;
  lang: Lang;
  /** Nouns used in function names and PR titles. */
  nouns: string[];
  paths: string[];
}

export const REPO_CATALOG: readonly RepoSpec[] = [
  { name: 'payments-api', lang: 'ts', nouns: ['charge', 'refund', 'invoice', 'ledger', 'payout'], paths: ['src/charges/chargeService.ts', 'src/refunds/refundHandler.ts', 'src/ledger/ledgerWriter.ts', 'src/http/routes.ts', 'src/db/migrations.ts', 'test/charges.test.ts'] },
  { name: 'web-dashboard', lang: 'ts', nouns: ['widget', 'chart', 'filter', 'session', 'report'], paths: ['src/components/ChartPanel.tsx', 'src/hooks/useFilters.ts', 'src/api/client.ts', 'src/state/sessionStore.ts', 'src/pages/Reports.tsx', 'test/useFilters.test.ts'] },
  { name: 'auth-service', lang: 'go', nouns: ['token', 'session', 'user', 'key', 'grant'], paths: ['internal/token/issuer.go', 'internal/session/store.go', 'internal/http/middleware.go', 'cmd/authd/main.go', 'internal/token/issuer_test.go'] },
  { name: 'data-pipeline', lang: 'py', nouns: ['batch', 'record', 'schema', 'partition', 'event'], paths: ['pipeline/ingest.py', 'pipeline/transform.py', 'pipeline/sinks/warehouse.py', 'pipeline/config.py', 'tests/test_transform.py'] },
  { name: 'notifications', lang: 'ts', nouns: ['message', 'template', 'channel', 'digest', 'recipient'], paths: ['src/queue/consumer.ts', 'src/templates/render.ts', 'src/channels/email.ts', 'src/channels/push.ts', 'test/render.test.ts'] },
  { name: 'mobile-app', lang: 'ts', nouns: ['screen', 'cart', 'profile', 'offer', 'sync'], paths: ['app/screens/CartScreen.tsx', 'app/sync/offlineQueue.ts', 'app/api/profile.ts', 'app/utils/format.ts', 'app/__tests__/offlineQueue.test.ts'] },
  { name: 'infra-terraform', lang: 'tf', nouns: ['bucket', 'cluster', 'queue', 'role', 'alarm'], paths: ['modules/queue/main.tf', 'modules/cluster/variables.tf', 'envs/prod/main.tf', 'modules/iam/roles.tf'] },
  { name: 'design-system', lang: 'ts', nouns: ['button', 'token', 'theme', 'modal', 'tooltip'], paths: ['src/Button/Button.tsx', 'src/theme/tokens.ts', 'src/Modal/useFocusTrap.ts', 'src/Tooltip/position.ts', 'src/Button/Button.test.tsx'] },
];

const VERBS = ['load', 'save', 'apply', 'build', 'validate', 'resolve', 'sync', 'fetch', 'format', 'merge', 'retry', 'compute'];

// {fn} function, {Type} type, {noun}, {var} local variable, {n} a number.
const BLOCKS: Record<Lang, string[]> = {
  ts: [
    'export async function {fn}(input: {Type}Input): Promise<{Type}> {\n  const {var} = await repo.find{Type}(input.id);\n  if (!{var}) {\n    throw new NotFoundError(`{noun} ${input.id} not found`);\n  }\n  const updated = { ...{var}, ...input, updatedAt: new Date() };\n  await repo.save{Type}(updated);\n  return updated;\n}',
    'export function {fn}(items: {Type}[], limit = {n}): {Type}[] {\n  const seen = new Set<string>();\n  const out: {Type}[] = [];\n  for (const item of items) {\n    if (seen.has(item.id)) continue;\n    seen.add(item.id);\n    out.push(item);\n    if (out.length >= limit) break;\n  }\n  return out;\n}',
    'async function {fn}(id: string, retries = 3): Promise<{Type} | undefined> {\n  for (let attempt = 0; attempt < retries; attempt++) {\n    try {\n      return await client.get<{Type}>(`/{noun}s/${id}`);\n    } catch (err) {\n      logger.warn(\'{fn} failed\', { id, attempt, err });\n      await sleep(200 * 2 ** attempt);\n    }\n  }\n  return undefined;\n}',
    'export class {Type}Cache {\n  private readonly entries = new Map<string, {Type}>();\n\n  get(key: string): {Type} | undefined {\n    return this.entries.get(key);\n  }\n\n  {fn}(key: string, value: {Type}): void {\n    if (this.entries.size > {n}) this.entries.clear();\n    this.entries.set(key, value);\n  }\n}',
    'export function {fn}({var}: {Type}): string {\n  const parts = [{var}.name, {var}.status];\n  if ({var}.amount != null) parts.push(formatAmount({var}.amount));\n  return parts.filter(Boolean).join(\' - \');\n}',
    'describe(\'{fn}\', () => {\n  it(\'handles an empty {noun} list\', async () => {\n    const result = await {fn}([]);\n    expect(result).toEqual([]);\n  });\n\n  it(\'keeps the first {n} {noun}s\', async () => {\n    const {var} = make{Type}s({n} + 5);\n    expect(await {fn}({var})).toHaveLength({n});\n  });\n});',
  ],
  go: [
    'func (s *{Type}Store) {Fn}(ctx context.Context, id string) (*{Type}, error) {\n\trow := s.db.QueryRowContext(ctx, "SELECT id, data FROM {noun}s WHERE id = $1", id)\n\tvar {var} {Type}\n\tif err := row.Scan(&{var}.ID, &{var}.Data); err != nil {\n\t\treturn nil, fmt.Errorf("{fn}: %w", err)\n\t}\n\treturn &{var}, nil\n}',
    'func {Fn}(w http.ResponseWriter, r *http.Request) {\n\t{var}, err := decode{Type}(r.Body)\n\tif err != nil {\n\t\thttp.Error(w, err.Error(), http.StatusBadRequest)\n\t\treturn\n\t}\n\tw.Header().Set("Content-Type", "application/json")\n\t_ = json.NewEncoder(w).Encode({var})\n}',
    'func Test{Fn}(t *testing.T) {\n\tstore := new{Type}Store(t)\n\tgot, err := store.{Fn}(context.Background(), "missing")\n\tif err == nil {\n\t\tt.Fatalf("expected an error, got %v", got)\n\t}\n}',
    'func (c *{Type}Cache) {Fn}(key string) (*{Type}, bool) {\n\tc.mu.RLock()\n\tdefer c.mu.RUnlock()\n\tv, ok := c.items[key]\n\tif !ok || time.Since(v.At) > {n}*time.Second {\n\t\treturn nil, false\n\t}\n\treturn v.Value, true\n}',
  ],
  py: [
    'def {fn}({var}: list[dict], limit: int = {n}) -> list[dict]:\n    """Return at most `limit` {noun}s, newest first."""\n    ordered = sorted({var}, key=lambda r: r["ts"], reverse=True)\n    result = []\n    for row in ordered:\n        if row.get("deleted"):\n            continue\n        result.append(row)\n    return result[:limit]',
    'class {Type}Writer:\n    def __init__(self, client, batch_size: int = {n}):\n        self.client = client\n        self.batch_size = batch_size\n        self.buffer = []\n\n    def {fn}(self, {var}):\n        self.buffer.append({var})\n        if len(self.buffer) >= self.batch_size:\n            self.client.insert_rows(self.buffer)\n            self.buffer = []',
    'def test_{fn}_skips_deleted():\n    {var} = [make_{noun}(deleted=True), make_{noun}()]\n    result = {fn}({var})\n    assert len(result) == 1\n    assert not result[0]["deleted"]',
  ],
  tf: [
    'resource "aws_sqs_queue" "{var}" {\n  name                       = "${var.env}-{noun}-queue"\n  visibility_timeout_seconds = {n}\n  message_retention_seconds  = 1209600\n  redrive_policy = jsonencode({\n    deadLetterTargetArn = aws_sqs_queue.{var}_dlq.arn\n    maxReceiveCount     = 5\n  })\n}',
    'variable "{var}_count" {\n  type        = number\n  default     = {n}\n  description = "Number of {noun} instances"\n}\n\nmodule "{var}" {\n  source = "../../modules/{noun}"\n  count  = var.{var}_count\n}',
  ],
};

export interface VirtualFile {
  lines: string[];
  /** For each line, the name of the function (or resource) it belongs to. */
  owner: string[];
}

const cache = new Map<string, VirtualFile>();

/** The text of a demo file: a pure function of (seed, repo, path). */
export function virtualFile(seed: number, repo: RepoSpec, path: string): VirtualFile {
  const key = `${seed}|${repo.name}|${path}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rng = mulberry32(hashString(key));
  const lines: string[] = [];
  const owner: string[] = [];
  const header = headerFor(repo.lang);
  for (const l of header) {
    lines.push(l);
    owner.push('');
  }
  while (lines.length < 320) {
    const noun = rng.pick(repo.nouns);
    const fn = `${rng.pick(VERBS)}${cap(noun)}${rng.chance(0.4) ? rng.pick(['s', 'ById', 'Batch', 'Safely']) : ''}`;
    const slots = { fn: repo.lang === 'py' ? snake(fn) : fn, Fn: cap(fn), Type: cap(noun), noun, var: rng.pick(['current', 'existing', noun, `${noun}s`, 'rows', 'payload']), n: String(rng.pick([10, 25, 30, 50, 100, 500])) };
    for (const l of fill(rng.pick(BLOCKS[repo.lang]), slots).split('\n')) {
      lines.push(l);
      owner.push(slots.fn);
    }
    lines.push('');
    owner.push('');
  }
  const file = { lines, owner };
  if (cache.size > 500) cache.clear();
  cache.set(key, file);
  return file;
}

function headerFor(lang: Lang): string[] {
  switch (lang) {
    case 'ts':
      return ["import { logger } from '../logger';", "import { client, repo, sleep } from '../deps';", ''];
    case 'go':
      return ['package main', '', 'import (', '\t"context"', '\t"fmt"', ')', ''];
    case 'py':
      return ['from __future__ import annotations', '', 'import logging', '', 'log = logging.getLogger(__name__)', ''];
    case 'tf':
      return ['# Managed by the platform team.', ''];
  }
}

export interface Hunk {
  diffHunk: string;
  /** 1-based line of the commented line (the hunk's last new-side line). */
  line: number;
  fn: string;
}

/**
 * A GitHub-style diff hunk ending at a non-blank line near `near`: a few
 * context lines, then the added lines; sometimes one removed line.
 */
export function hunkAt(file: VirtualFile, near: number, rng: { int(a: number, b: number): number; chance(p: number): boolean }): Hunk {
  let line = Math.min(Math.max(near, 6), file.lines.length);
  while (line > 6 && (file.lines[line - 1]!.trim() === '' || file.owner[line - 1] === '')) line--;
  const size = Math.min(rng.int(4, 8), line);
  const start = line - size + 1;
  const added = rng.int(1, Math.min(3, size - 1));
  const removed = rng.chance(0.4) ? 1 : 0;
  const body: string[] = [];
  for (let i = start; i <= line; i++) {
    const text = file.lines[i - 1]!;
    const isAdded = i > line - added;
    if (isAdded && removed && i === line - added + 1) body.push(`-${oldVersion(text)}`);
    body.push(`${isAdded ? '+' : ' '}${text}`);
  }
  const oldCount = size - added + removed;
  const header = `@@ -${start},${oldCount} +${start},${size} @@`;
  return { diffHunk: [header, ...body].join('\n'), line, fn: file.owner[line - 1] || 'main' };
}

/** What the line looked like before the change (a plausible older variant). */
function oldVersion(text: string): string {
  const bumped = text.replace(/\b(\d+)\b/, (d) => String(Number(d) * 2));
  if (bumped !== text) return bumped;
  return text.trim() === '' ? text : `${text.replace(/\s+$/, '')} // TODO`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
