// Tag and publish on a GitHub Pull Requests extension comment: the pure part
// (that extension cannot be installed in the test VS Code, so no E2E covers it).
import assert from 'node:assert/strict';
import { planTagAndPublish, prExtensionComment } from '../../../src/features/tagging/prExtension';
import { readMarkers } from '../../../src/core/markers';

// The shape GHPRComment passes to comments/comment/title commands.
const ghprComment = (over: Record<string, unknown> = {}) => ({
  commentId: '123',
  contextValue: 'canEdit,canDelete',
  rawComment: { id: 123, graphNodeId: 'PRRC_kwDOA1', body: 'Please add a test for the empty list.', user: { login: 'Sam-Lee' }, htmlUrl: 'https://github.com/acme/app/pull/7#discussion_r123', isDraft: true, ...over },
});

describe('GitHub Pull Requests extension comments', () => {
  it('reads the node id, body, author and draft state', () => {
    assert.deepEqual(prExtensionComment(ghprComment()), {
      id: 'PRRC_kwDOA1',
      body: 'Please add a test for the empty list.',
      author: 'Sam-Lee',
      isDraft: true,
      url: 'https://github.com/acme/app/pull/7#discussion_r123',
    });
  });

  it('rejects anything else', () => {
    for (const bad of [undefined, null, 'x', {}, { rawComment: {} }, ghprComment({ graphNodeId: 7 }), ghprComment({ user: undefined }), ghprComment({ body: null })]) {
      assert.equal(prExtensionComment(bad), undefined, JSON.stringify(bad));
    }
  });

  it('publishes the marker only on my own comment, once', () => {
    const c = prExtensionComment(ghprComment())!;
    const plan = planTagAndPublish(c, 'sam-lee', [{ group: 'technical', category: 'testing' }]);
    assert.equal(plan.kind, 'publish');
    assert.ok(plan.kind === 'publish' && plan.body.startsWith(c.body));
    assert.deepEqual(plan.kind === 'publish' && readMarkers(plan.body).map((m) => m.category), ['testing']);
    assert.deepEqual(planTagAndPublish(c, 'priya-dev', [{ group: 'technical', category: 'testing' }]), { kind: 'not-yours', author: 'Sam-Lee' });
    const tagged = prExtensionComment(ghprComment({ body: plan.kind === 'publish' ? plan.body : '' }))!;
    assert.deepEqual(planTagAndPublish(tagged, 'sam-lee', [{ group: 'technical', category: 'testing' }]), { kind: 'unchanged' });
  });
});
