// The Markdown for tooltips, hovers and comment threads, and the tree's one-line
// labels: no remote content unless asked for, nothing that can reorder or
// drive anything. VS Code renders MarkdownStrings with marked, so marked's
// HTML is what the editor would load images from.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Marked } from 'marked';
import { feedbackMarkdown, withoutRemoteImages } from '../../../src/core/browse/feedbackMarkdown';
import { feedbackDescription, feedbackLabel } from '../../../src/core/browse/labels';
import { DEFAULT_CATEGORIES, Taxonomy } from '../../../src/core/taxonomy';
import { fb, tag } from './fixtures';

const taxonomy = new Taxonomy(DEFAULT_CATEGORIES);
const marked = new Marked({ gfm: true, async: false });
const html = (md: string) => marked.parse(md) as string;
const TRACKER = 'https://tracker.example/pixel.png';

const IMAGE_PIECES = [
  `![pixel](${TRACKER})`, `![](${TRACKER} "t")`, `![ref][r]\n\n[r]: ${TRACKER}\n`, `![r]\n\n[r]: ${TRACKER}\n`, `<img src="${TRACKER}">`, `<IMG SRC=${TRACKER} alt=x>`,
  `<img\nsrc="${TRACKER}">`, '<div>\n', '<pre>', '</pre>', `![a ![b](${TRACKER})](${TRACKER})`, `![a\nb](${TRACKER})`, `[![badge](${TRACKER})](https://x.example)`, `\\![not](${TRACKER})`, `\\\\![yes](${TRACKER})`,
  `\`![code](${TRACKER})\``, `\`\`![x](${TRACKER})\`\``, `\`\`\`\n![fenced](${TRACKER})\n\`\`\``, `~~~\n<img src="${TRACKER}">\n~~~`, '```', '`', '!', '[', ']', '(', ')', '\n', ' ', 'text', '> ', '- ', '    ',
];
const body = fc.array(fc.constantFrom(...IMAGE_PIECES), { maxLength: 12 }).map((p) => p.join(''));

describe('feedback Markdown for hovers, threads and tooltips', () => {
  it('loads no image from anywhere when remote images are off (property)', () => {
    fc.assert(
      fc.property(body, (b) => {
        const out = html(feedbackMarkdown(fb({ body: b }), taxonomy, { remoteImages: false }));
        assert.ok(!/<img/i.test(out), `an image survived in ${JSON.stringify(b)}: ${out}`);
      }),
      { numRuns: 400 },
    );
  });

  it('turns images into links the reader may click', () => {
    assert.equal(withoutRemoteImages(`see ![diagram](${TRACKER})`), `see [image: diagram](${TRACKER})`);
    assert.equal(withoutRemoteImages(`![](${TRACKER})`), `[image](${TRACKER})`);
    assert.equal(withoutRemoteImages(`<img src="${TRACKER}" alt="chart">`), `[image: chart](<${TRACKER}>)`);
    assert.equal(withoutRemoteImages('<img src="http://plain.example/x.png">'), '\\[image\\]');
    assert.equal(withoutRemoteImages(`\\![escaped](${TRACKER})`), `\\![escaped](${TRACKER})`, 'an escaped bang is text already');
    const out = html(feedbackMarkdown(fb({ body: `Look: ![screenshot](${TRACKER})` }), taxonomy, { remoteImages: false }));
    assert.match(out, new RegExp(`<a href="${TRACKER}">image: screenshot</a>`));
  });

  it('keeps images when the user turns remote images on', () => {
    const out = html(feedbackMarkdown(fb({ body: `![pixel](${TRACKER})` }), taxonomy, { remoteImages: true }));
    assert.match(out, /<img src="https:\/\/tracker\.example\/pixel\.png"/);
  });

  it('shows control characters inertly and isolates right-to-left fields', () => {
    const f = fb({ reviewer: 'bob\u202e', prTitle: 'fix \x1b[2J', body: 'ok \x1b]52;c;ZXZpbA==\x07 \u202eevil\u202c', path: 'a\u0000b', tags: [tag('testing')] });
    const md = feedbackMarkdown(f, taxonomy, { remoteImages: false });
    assert.ok(!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(md), JSON.stringify(md));
    assert.ok(md.includes('\u241b\\]52') || md.includes('\u241b]52'), 'the escape is visible');
  });

  it('tree descriptions cannot be reordered by a bidi control in any field (property)', () => {
    const piece = fc.constantFrom('\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200f', '\u061c', 'שלום', 'abc', ' ', '\x1b[2J', '\x00', '\x9b', '\n');
    const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, text, text, (reviewer, repo, bodyText, flag) => {
        const f = fb({ reviewer, repo, body: bodyText });
        for (const out of [feedbackDescription(f, new Date('2026-03-12T12:00:00Z'), [flag]), feedbackLabel(f)]) {
          assert.ok(!/[\u0000-\u001F\u007F-\u009F]/.test(out), 'no raw control character');
          // The only bidi controls left are whole isolates (FSI ... PDI) around single fields.
          const outside = out.replace(/\u2068[^\u2068\u2069\u202A-\u202E\u2066\u2067\u200E\u200F\u061C]*\u2069/g, '');
          assert.ok(!/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(outside), `stray bidi control in ${JSON.stringify(out)}`);
        }
        const parts = feedbackDescription(f, new Date('2026-03-12T12:00:00Z')).split(' · ');
        assert.equal(parts.at(-1), '2 days ago', 'the age stays last, where it was put');
      }),
      { numRuns: 300 },
    );
  });
});
