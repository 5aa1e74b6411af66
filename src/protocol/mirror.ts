// Messages between the "My reviews" panel host and its webview, validated on
// both sides like the journal panel's (src/protocol/messages.ts): the host
// sends the comments the reviewer gave; the webview computes the mix and
// prompts for the period it shows, and asks the host to open comments.
import { z } from 'zod';
import { categorySchema, engineerSchema, feedbackItemSchema, LIMITS } from './schemas';
import { PERIODS } from './viewState';

const id = z.string().min(1).max(LIMITS.id);
const requestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const mirrorSnapshotSchema = z.object({
  reviewer: engineerSchema,
  /** Comments the reviewer gave, one per id, bodies included. */
  items: z.array(feedbackItemSchema).max(LIMITS.feedbackItems),
  categories: z.array(categorySchema).max(LIMITS.categories),
  /** Host clock, ISO. */
  now: z.string().max(64),
  /** vscode.env.language (a BCP 47 tag), for dates in the panel; the panel falls back to English for a tag it cannot use. */
  language: z.string().max(64).optional(),
  sources: z.object({
    /** Logins of the journals the comments came from. */
    journals: z.array(z.string().max(LIMITS.login)).max(10_000),
    /** Comments found only in other engineers' journals. */
    onlyInOthers: z.number().int().nonnegative(),
  }),
});
export type MirrorSnapshot = z.infer<typeof mirrorSnapshotSchema>;

export const mirrorViewStateSchema = z.object({
  login: z.string().max(LIMITS.login).optional(),
  host: z.string().max(253).optional(),
  period: z.enum(PERIODS).default('90d'),
  /** The person whose mix is compared with everyone else's; '' for none. */
  person: z.string().max(LIMITS.login).default(''),
  /** Keys of the prompts whose comments are shown. */
  open: z.array(z.string().max(300)).max(50).default([]),
});
export type MirrorViewState = z.infer<typeof mirrorViewStateSchema>;

export function parseMirrorViewState(raw: unknown): MirrorViewState {
  const parsed = mirrorViewStateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : mirrorViewStateSchema.parse({});
}

function request<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ type: z.literal(type), requestId, ...shape });
}

export const mirrorWebviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('view/stateChanged'), state: mirrorViewStateSchema }),
  /** editor: at its line in a workspace clone, or a preview of the diff; github: in the browser. */
  request('mirror/openComment', { feedbackId: id, where: z.enum(['editor', 'github']) }),
  request('link/open', { url: z.string().max(LIMITS.url) }),
  request('export/open', { period: z.enum(PERIODS).optional() }),
]);
export type MirrorWebviewMessage = z.infer<typeof mirrorWebviewMessageSchema>;
export type MirrorRequest = Extract<MirrorWebviewMessage, { requestId: number }>;

export const mirrorHostMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('mirror/didChange'), snapshot: mirrorSnapshotSchema }),
  z.discriminatedUnion('ok', [
    z.strictObject({ type: z.literal('response'), requestId, ok: z.literal(true) }),
    z.strictObject({ type: z.literal('response'), requestId, ok: z.literal(false), error: z.string().max(2_000) }),
  ]),
]);
export type MirrorHostMessage = z.infer<typeof mirrorHostMessageSchema>;
export type MirrorResponse = Extract<MirrorHostMessage, { type: 'response' }>;

export type MirrorParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

/** Names the type and the first failing path, never the payload (it may be huge or hostile). */
function describe(error: z.ZodError, raw: unknown): string {
  const type = typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string' ? String((raw as { type: string }).type).slice(0, 60) : typeof raw;
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.slice(0, 6).join('.') : '(root)';
  return `rejected message "${type}": ${where}: ${(issue?.message ?? 'invalid').slice(0, 200)}`;
}

export function parseMirrorWebviewMessage(raw: unknown): MirrorParseResult<MirrorWebviewMessage> {
  const r = mirrorWebviewMessageSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(r.error, raw) };
}

export function parseMirrorHostMessage(raw: unknown): MirrorParseResult<MirrorHostMessage> {
  const r = mirrorHostMessageSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(r.error, raw) };
}
