// Changes to the live data and the GitHub behaviour over the admin endpoints,
// for clients in another process (the E2E journeys run the sandbox as its own
// process and cannot call Sandbox.editComment etc.). Same effects as the methods.
import { z } from 'zod';
import type { Sandbox } from './server';

export const changeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('edit'), id: z.string().min(1), body: z.string() }).strict(),
  z.object({ op: z.literal('delete'), id: z.string().min(1) }).strict(),
  z.object({ op: z.literal('resolve'), threadId: z.string().min(1), resolved: z.boolean().optional() }).strict(),
  z.object({ op: z.literal('touch'), pr: z.string().min(1) }).strict(),
  z
    .object({
      op: z.literal('add'),
      pr: z.string().min(1),
      author: z.string().min(1),
      body: z.string(),
      kind: z.enum(['review-comment', 'issue-comment', 'review']).optional(),
      threadId: z.string().optional(),
    })
    .strict(),
]);

export type Change = z.infer<typeof changeSchema>;

/** How the sandbox behaves (see the Sandbox fields of the same names). */
export const behaviourSchema = z
  .object({
    editsBumpPr: z.boolean().optional(),
    clockOffsetMs: z.number().int().optional(),
    ssoOrgs: z.array(z.string()).optional(),
  })
  .strict();

export type Behaviour = z.infer<typeof behaviourSchema>;

/** Applies the changes in order; the first that names nothing in the data throws (the ones before it stay applied). Returns the ids of comments added. */
export function applyChanges(sandbox: Sandbox, changes: Change[]): string[] {
  const added: string[] = [];
  for (const c of changes) {
    switch (c.op) {
      case 'add': {
        const { op: _op, ...input } = c;
        added.push(sandbox.addComment(input).id);
        break;
      }
      case 'edit':
        sandbox.editComment(c.id, c.body);
        break;
      case 'delete':
        sandbox.deleteComment(c.id);
        break;
      case 'resolve':
        sandbox.resolveThread(c.threadId, c.resolved ?? true);
        break;
      case 'touch':
        sandbox.touch(c.pr);
        break;
    }
  }
  return added;
}

export function behaviourOf(sandbox: Sandbox): Required<Behaviour> {
  return { editsBumpPr: sandbox.editsBumpPr, clockOffsetMs: sandbox.clockOffsetMs, ssoOrgs: [...sandbox.ssoOrgs] };
}

export function setBehaviour(sandbox: Sandbox, b: Behaviour): Required<Behaviour> {
  if (b.editsBumpPr !== undefined) sandbox.editsBumpPr = b.editsBumpPr;
  if (b.clockOffsetMs !== undefined) sandbox.clockOffsetMs = b.clockOffsetMs;
  if (b.ssoOrgs !== undefined) {
    sandbox.ssoOrgs.clear();
    b.ssoOrgs.forEach((o) => sandbox.ssoOrgs.add(o));
  }
  return behaviourOf(sandbox);
}
