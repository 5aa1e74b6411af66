// The "likely" layer: suggestions shown apart from confirmed counts, shares
// stated in every summary, and the review link on the tagging talking point.
import assert from 'node:assert/strict';
import { buildSummary, toHtml, toMarkdown } from '../../../src/core/summary';
import { DEFAULT_CATEGORIES, Taxonomy } from '../../../src/core/taxonomy';
import { percentages, tagShares } from '../../../src/core/review';
import { CURRENT_SCHEMA_VERSION, type Journal } from '../../../src/core/model';
import { feedback, tag } from '../../webview/harness/fixtures';

const at = { createdAt: '2026-11-10T10:00:00.000Z', updatedAt: '2026-11-10T10:00:00.000Z' };
function journal(): Journal {
  const items = [
    feedback({ id: 'c1', ...at, tags: [tag('testing')] }),
    feedback({ id: 'c2', ...at, tags: [tag('praise', 'conventional-comment')] }),
    ...Array.from({ length: 6 }, (_, i) => feedback({ id: `l${i}`, ...at, tags: [tag(i < 4 ? 'testing' : 'tone', 'suggested', 0.9)] })),
    feedback({ id: 'n1', ...at }),
    feedback({ id: 'n2', ...at }),
  ];
  return { schemaVersion: CURRENT_SCHEMA_VERSION, engineer: { login: 'alice', host: 'github.com' }, syncedUntil: null, feedback: Object.fromEntries(items.map((f) => [f.id, f])), entries: [] };
}

const options = (includeLikely: boolean) => ({
  journals: [journal()], from: '2026-11-01', to: '2026-11-20', now: new Date('2026-11-20T12:00:00Z'), timeZone: 'UTC',
  includeText: true, includeReviewerNames: true, excludeBots: true, taxonomy: new Taxonomy(DEFAULT_CATEGORIES), includeLikely,
});

describe('likely layer', () => {
  it('shares add up and percentages make 100', () => {
    const s = tagShares(Object.values(journal().feedback));
    assert.deepEqual(s, { confirmed: 2, likely: 6, notSure: 2 });
    assert.deepEqual(percentages(s), { confirmed: 20, likely: 60, notSure: 20 });
    assert.deepEqual(percentages({ confirmed: 1, likely: 1, notSure: 1 }), { confirmed: 34, likely: 33, notSure: 33 });
  });

  it('summaries state the shares always, list likely categories only when asked, and never count them', () => {
    const off = buildSummary(options(false)).engineers[0]!;
    const on = buildSummary(options(true)).engineers[0]!;
    assert.deepEqual(off.received.shares, { confirmed: 2, likely: 6, notSure: 2 });
    assert.deepEqual(off.received.likely, []);
    assert.deepEqual(on.received.likely.map((c) => [c.id, c.count]), [['testing', 4], ['tone', 2]]);
    assert.deepEqual(on.received.byCategory, off.received.byCategory, 'the likely layer changes no confirmed count');
    assert.equal(on.received.byCategory.find((c) => c.id === 'testing')!.current, 1);
    const md = toMarkdown(buildSummary(options(true)));
    assert.match(md, /20% confirmed \(2\) · 60% likely \(6\) · 20% not sure \(2\)/);
    assert.match(md, /\| \*likely\* Testing \| 4 \|/);
    assert.doesNotMatch(toMarkdown(buildSummary(options(false))), /\*likely\*/);
  });

  it('the tagging talking point links to the review flow', () => {
    const s = buildSummary(options(false));
    // With 2 confirmed of 10 it is "too few confirmed" (issue 11); either way the point links to the flow.
    const point = s.engineers[0]!.talkingPoints.find((t) => t.rule === 'tag-feedback' || t.rule === 'too-few-confirmed');
    assert.ok(point?.link, JSON.stringify(s.engineers[0]!.talkingPoints));
    assert.equal(point.link.url, 'vscode://review-mentor.review-mentor/review?login=alice&host=github.com');
    assert.match(toMarkdown(s), /\[Review suggestions in VS Code\]\(<vscode:\/\/review-mentor\.review-mentor\/review\?login=alice&host=github\.com>\)/);
    assert.match(toHtml(s), /<a href="vscode:\/\/review-mentor\.review-mentor\/review\?login=alice&amp;host=github\.com">Review suggestions in VS Code<\/a>/);
  });
});
