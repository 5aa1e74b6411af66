// Exports must be safe to open anywhere: `cat summary.csv` in a terminal, a
// spreadsheet, a Markdown viewer, a browser. Random text in every field that
// comes from GitHub or the journal, with the known-dangerous pieces mixed in.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { buildSummary, toCsv, toHtml, toJson, toMarkdown, type SummaryOptions } from '../../../src/core/summary';
import type { Entry, Feedback, Journal } from '../../../src/core/model';
import { Taxonomy, DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import { csvCell, startsLikeFormula, visibleControls } from '../../../src/core/safeText';


/** Independent of the code under test: C0 except tab/LF/CR, DEL, C1, and every Bidi_Control character. */
const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Bidi_Control}]/u;
/** After trimming white space and invisible characters, with full-width forms folded. */
function formulaAfterTrim(cell: string): boolean {
  const first = [...cell.replace(/^[\s\p{Cc}\p{Cf}]+/u, '')][0];
  return first !== undefined && ['=', '+', '-', '@'].includes(first.normalize('NFKC'));
}

const DANGEROUS = [
  '\x1b[2J', '\x1b]52;c;ZXZpbA==\x07', '\x1b]8;;https://evil.example\x1b\\', '\x00', '\x07', '\x08', '\x7f', '\x9b31m', '\x9d0;title\x9c', '\x85',
  '\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u202a',
  '\r', '\n', '\r\n', '\t', ' ', '\u3000', '\u00a0', '\u200b', '\ufeff',
  '=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20', '\ufe66', '\u2212', '=1+1', '@SUM(A1)', 'cmd|', 'שלום', 'مرحبا', 'ok',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...DANGEROUS), fc.string({ unit: 'binary', maxLength: 6 })), { minLength: 0, maxLength: 8 })
  .map((parts) => parts.join(''));

let seq = 0;
function item(over: Partial<Feedback>): Feedback {
  seq++;
  return {
    id: `f${seq}`, kind: 'review-comment', prUrl: `https://github.com/o/r/pull/${seq}`, repo: 'o/r', prNumber: seq, author: 'dana', reviewer: 'rev',
    body: 'x', url: `https://github.com/o/r/pull/${seq}#c${seq}`, createdAt: '2026-02-10T00:00:00Z', updatedAt: '2026-02-10T00:00:00Z', isResolved: false, tags: [], ...over,
  };
}

function summaryOf(t: string[]): ReturnType<typeof buildSummary> {
  const [body, reviewer, title, path, repo, entryText, label, conv] = t as [string, string, string, string, string, string, string, string];
  const items = [
    item({ body, reviewer, prTitle: title, path, repo, tags: [{ category: 'praise', source: 'manual', at: '', by: 'x' }] }),
    item({ body: `issue (blocking): ${body}`, conventional: { label: conv, decorations: ['blocking'], blocking: true }, tags: [{ category: 'testing', source: 'manual', at: '', by: 'x' }] }),
    item({ body: title, author: reviewer || 'x', reviewer: 'dana', tags: [{ category: 'mystery', source: 'manual', at: '', by: 'x' }] }),
  ];
  const entries: Entry[] = [{ id: 'e', kind: 'goal', text: entryText, status: 'open', links: items.map((i) => i.id), createdAt: '', updatedAt: '' }];
  const journal: Journal = { schemaVersion: 2, engineer: { login: 'dana', host: 'github.com' }, syncedUntil: null, feedback: Object.fromEntries(items.map((f) => [f.id, f])), entries };
  const tax = new Taxonomy([...DEFAULT_CATEGORIES.filter((c) => c.id !== 'testing'), { id: 'testing', label: label || 'T', group: 'technical', description: '', icon: 'beaker' }]);
  const o: SummaryOptions = { journals: [journal], from: '2026-02-01', to: '2026-03-01', now: new Date('2026-03-02T00:00:00Z'), timeZone: 'UTC', includeText: true, includeReviewerNames: true, excludeBots: false, taxonomy: tax };
  return buildSummary(o);
}

/** RFC 4180 records, as a spreadsheet reads them. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && csv[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('exports are safe to open anywhere', () => {
  it('no Markdown, HTML, CSV or JSON output holds a raw control or bidi character (property)', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 8, maxLength: 8 }), (t) => {
        const s = summaryOf(t);
        for (const [name, out] of [['md', toMarkdown(s)], ['html', toHtml(s)], ['json', toJson(s)]] as const) {
          assert.ok(!RAW_CONTROL.test(out), `${name}: raw control character`);
          assert.ok(!out.includes('\r'), `${name}: CR`);
        }
        const csv = toCsv(s);
        assert.ok(!RAW_CONTROL.test(csv), 'csv: raw control character');
        assert.ok(!/\r(?!\n)/.test(csv), 'csv: CR only as part of a CRLF record end');
      }),
      { numRuns: 150 },
    );
  });

  it('no CSV cell starts with a formula character after trimming (property)', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 8, maxLength: 8 }), (t) => {
        const rows = parseCsv(toCsv(summaryOf(t)));
        assert.equal(rows.length, 4, 'header and three items');
        for (const row of rows) for (const cell of row) assert.ok(!formulaAfterTrim(cell), `formula cell: ${JSON.stringify(cell)}`);
      }),
      { numRuns: 150 },
    );
  });

  it('JSON keeps the text exactly: escapes, not deletions', () => {
    const hostile = 'a\u202eb\x1b[2Jc\x9bd\u2028e\u0000';
    const s = summaryOf([hostile, 'rev', 'title', 'p', 'o/r', 'goal', 'Testing', 'issue']);
    const json = toJson(s);
    assert.ok(json.includes('\\u202e') && json.includes('\\u001b') && json.includes('\\u009b') && json.includes('\\u2028'));
    const back = JSON.parse(json) as { engineers: { items: { body?: string }[] }[] };
    assert.equal(back.engineers[0]!.items[0]!.body, hostile);
  });

  it('the issue\'s examples: leading space, newline and full-width equals are neutralised; OSC 52, ESC[2J and NUL shown inert', () => {
    for (const v of [' =1+1', '\n=1+1', '\uff1d1+1', '\t=1', '\r=1', '\u3000+1', '\u200b@x', '-1', '@SUM(A1)']) {
      assert.ok(startsLikeFormula(v), JSON.stringify(v));
      assert.ok(csvCell(v).startsWith("'"), JSON.stringify(v));
    }
    for (const v of ['a=1', '1+1', 'ok -', '', 'x@y']) assert.equal(csvCell(v), v);
    assert.equal(visibleControls('\x1b]52;c;ZXZpbA==\x07'), '\u241b]52;c;ZXZpbA==\u2407');
    assert.equal(visibleControls('\x1b[2Jx\x00'), '\u241b[2Jx\u2400');
    assert.equal(visibleControls('bob \u202eoj\u202c'), 'bob oj');
    assert.equal(visibleControls('a\r\nb\rc'), 'a\nb\nc');
    assert.equal(visibleControls('\x9b2J'), '\ufffd2J');
    const md = toMarkdown(summaryOf(['\x1b]52;c;ZXZpbA==\x07 body', 'rev', 't', 'p', 'o/r', 'g', 'T', 'issue']));
    assert.ok(md.includes('\u241b\\]52;c;ZXZpbA==\u2407 body'), 'the sequence is shown, not run');
  });
});
