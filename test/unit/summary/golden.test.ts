// Golden files: the four formats for a fixed journal. Run with
// UPDATE_GOLDEN=1 to rewrite them, then read the diff before committing.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSummary, toCsv, toHtml, toJson, toMarkdown, type SummaryOptions } from '../../../src/core/summary';
import { Taxonomy, DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import { danaJournal, erinJournal, FROM, NOW, TO } from './fixture';

const dir = join(__dirname, 'golden');
const taxonomy = new Taxonomy(DEFAULT_CATEGORIES);
const base: SummaryOptions = { journals: [danaJournal()], from: FROM, to: TO, now: NOW, timeZone: 'UTC', includeText: true, includeReviewerNames: true, excludeBots: true, taxonomy };

function golden(name: string, actual: string): void {
  const file = join(dir, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 to rewrite)`);
}

describe('summary golden files', () => {
  const s = buildSummary(base);
  it('markdown', () => golden('dana.md', toMarkdown(s)));
  it('html', () => golden('dana.html', toHtml(s)));
  it('csv', () => golden('dana.csv', toCsv(s)));
  it('json', () => golden('dana.json', toJson(s)));
  it('private markdown (no text, no names)', () => golden('dana-private.md', toMarkdown(buildSummary({ ...base, includeText: false, includeReviewerNames: false }))));
  it('team markdown', () => golden('team.md', toMarkdown(buildSummary({ ...base, journals: [danaJournal(), erinJournal()] }))));
});
