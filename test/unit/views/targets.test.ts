// Which items a tagging command acts on: the clicked item, the selection when
// the clicked item is part of it, a past-feedback comment, or explicit ids.
import { strict as assert } from 'node:assert';
import { createTargetResolver } from '../../../src/features/tagging/targets';
import type { App } from '../../../src/app';
import type { Feedback } from '../../../src/core/model';

const engineer = { login: 'priya-dev', host: 'github.com' };
const item = (id: string) => ({ id, body: id, tags: [] }) as unknown as Feedback;
const node = (id: string) => ({ kind: 'feedback' as const, engineer, item: item(id), parentKey: 'g' });
const journal = { feedback: { a: item('a'), b: item('b'), c: item('c') } };
const app = { journals: { load: async () => journal }, engineers: { selected: () => engineer } } as unknown as App;

describe('tag targets', () => {
  it('uses the selection when the clicked item is in it', async () => {
    const resolve = createTargetResolver(app, () => []);
    const t = await resolve(node('a'), [node('a'), node('b')]);
    assert.deepEqual(t?.items.map((i) => i.id), ['a', 'b']);
  });

  it('uses only the clicked item when the selection is elsewhere', async () => {
    const resolve = createTargetResolver(app, () => []);
    const t = await resolve(node('c'), [node('a'), node('b')]);
    assert.deepEqual(t?.items.map((i) => i.id), ['c']);
  });

  it('falls back to the tree selection from the command palette', async () => {
    const resolve = createTargetResolver(app, () => [node('b')]);
    assert.deepEqual((await resolve())?.items.map((i) => i.id), ['b']);
  });

  it('reads a past-feedback comment and explicit ids from the journal', async () => {
    const resolve = createTargetResolver(app, () => []);
    assert.deepEqual((await resolve({ contextValue: 'feedback b' }))?.items.map((i) => i.id), ['b']);
    assert.deepEqual((await resolve({ ids: ['a', 'zzz', 'c'] }))?.items.map((i) => i.id), ['a', 'c']);
    assert.deepEqual((await resolve({ rawComment: { graphNodeId: 'c' } }))?.items.map((i) => i.id), ['c']);
    assert.equal(await resolve({ something: 'else' }), undefined);
  });
});
