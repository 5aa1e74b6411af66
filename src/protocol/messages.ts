// Messages between the journal panel host and its webview. Every message is
// a discriminated union member on `type`; both sides validate with these
// schemas and drop (and log) anything that does not parse.
import { z } from 'zod';
import { LIMITS, dateOnlySchema, deltaMessageSchema, entryKindSchema, entryStatusSchema, snapshotMessageSchema } from './schemas';
import { TABS, viewStateSchema } from './viewState';

const id = z.string().min(1).max(LIMITS.id);
const requestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const category = z.string().min(1).max(64);
const entryText = z.string().trim().min(1).max(LIMITS.entryText);

/** Builds a request schema: every request carries a `requestId` the response echoes. */
function request<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ type: z.literal(type), requestId, ...shape });
}

export const entryPatchSchema = z
  .strictObject({
    text: entryText.optional(),
    status: entryStatusSchema.optional(),
    targetDate: dateOnlySchema.nullable().optional(),
    /** Action items: the goal they serve; null: none. */
    goalId: id.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'empty patch');
export type EntryPatch = z.infer<typeof entryPatchSchema>;

export const newEntrySchema = z.strictObject({
  kind: entryKindSchema,
  text: entryText,
  targetDate: dateOnlySchema.optional(),
  goalId: id.optional(),
  links: z.array(id).max(100).optional(),
});
export type NewEntry = z.infer<typeof newEntrySchema>;

export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('view/stateChanged'), state: viewStateSchema }),
  request('entry/create', { entry: newEntrySchema }),
  request('entry/update', { id, patch: entryPatchSchema }),
  request('entry/delete', { id }),
  request('entry/undo', {}),
  request('feedback/link', { feedbackId: id, entryId: id }),
  request('feedback/unlink', { feedbackId: id, entryId: id }),
  request('feedback/openOnGitHub', { feedbackId: id }),
  request('feedback/tag', { feedbackId: id, category, action: z.enum(['add', 'remove']) }),
  /** Opens the same category picker as the Feedback view's "Tag...". */
  request('feedback/tagPicker', { feedbackId: id }),
  request('suggestion/accept', { feedbackId: id, category }),
  request('suggestion/reject', { feedbackId: id, category }),
  request('link/open', { url: z.string().max(LIMITS.url) }),
  request('export/open', { period: z.string().max(16).optional() }),
  // Review suggestions: the host reads the suggestion from the journal, never from the message.
  request('review/decide', {
    feedbackId: id,
    decision: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('accept') }), z.strictObject({ kind: z.literal('pick'), category })]),
  }),
  request('review/batch', { category, minConfidence: z.number().min(0).max(1), feedbackIds: z.array(id).min(1).max(LIMITS.reviewBatch) }),
  /** Undoes the last review write; `feedbackIds` must name what it changed, so a stale screen cannot undo something else. */
  request('review/undo', { feedbackIds: z.array(id).min(1).max(LIMITS.reviewBatch) }),
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type WebviewRequest = Extract<WebviewMessage, { requestId: number }>;
export type WebviewRequestType = WebviewRequest['type'];

const undoOffer = z.strictObject({ label: z.string().max(200) });
const count = z.number().int().nonnegative().max(LIMITS.feedbackItems);

export const hostMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('journal/didChange'), snapshot: snapshotMessageSchema }),
  z.strictObject({ type: z.literal('journal/didChangeItems'), delta: deltaMessageSchema }),
  /** Opens a tab (the review flow from a command, the status bar or the Feedback view). */
  z.strictObject({ type: z.literal('view/show'), tab: z.enum(TABS) }),
  z.discriminatedUnion('ok', [
    z.strictObject({
      type: z.literal('response'),
      requestId,
      ok: z.literal(true),
      undo: undoOffer.optional(),
      /** Review writes: how many items changed, and how many were left alone (changed meanwhile). */
      applied: count.optional(),
      skipped: count.optional(),
    }),
    z.strictObject({ type: z.literal('response'), requestId, ok: z.literal(false), error: z.string().max(2_000) }),
  ]),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;
export type ResponseMessage = Extract<HostMessage, { type: 'response' }>;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

/** The error never echoes the payload: it may be huge or hostile. */
function describe(error: z.ZodError, raw: unknown): string {
  const type = typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string'
    ? String((raw as { type: string }).type).slice(0, 60)
    : typeof raw;
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.slice(0, 6).join('.') : '(root)';
  return `rejected message "${type}": ${where}: ${(issue?.message ?? 'invalid').slice(0, 200)}`;
}

export function parseWebviewMessage(raw: unknown): ParseResult<WebviewMessage> {
  const r = webviewMessageSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(r.error, raw) };
}

export function parseHostMessage(raw: unknown): ParseResult<HostMessage> {
  const r = hostMessageSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(r.error, raw) };
}

/** For exhaustive switches: a new message type that is not handled fails typecheck. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)?.slice(0, 100)}`);
}
