// `review-mentor export`: a 1:1 summary for one engineer or a team, from the
// journals on disk, in Markdown, HTML, CSV or JSON. The output file is written
// to a temp file and renamed, so a failed export never leaves half a file.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { homedir } from 'node:os';
import { CliError, parseOptions, type CliCommand } from './command';
import type { Journal } from '../core/model';
import { Taxonomy } from '../core/taxonomy';
import { addDaysToDate, assertTimeZone, DATE_PATTERN, zonedDate } from '../core/browse/zone';
import { localTimeZone, summarise, SUMMARY_FORMATS, type Summary, type SummaryFormat } from '../core/summary';
import { JournalStorageError, JournalStore, journalPaths, type StoreProblem } from '../store';
import { plainStorageError } from '../store/faults';
import { writeFileAtomic } from '../store/atomicFile';
import { resolveJournalRoot, type JournalRoot } from './journalRoot';

const FORMATS = SUMMARY_FORMATS;
type Format = SummaryFormat;
const EXTENSIONS: Record<string, Format> = { md: 'md', markdown: 'md', html: 'html', htm: 'html', csv: 'csv', json: 'json' };

export const USAGE = `Usage: review-mentor export --engineer LOGIN[,LOGIN...] --format md|html|csv|json [options]

Writes a summary of review feedback for a 1:1 (one engineer) or a team (several).

Options:
  --engineer LOGIN[,LOGIN...]  whose journals to summarise (required)
  --format md|html|csv|json    output format (default: from the --out extension)
  --from DATE                  first day of the period, yyyy-mm-dd (default: 30 days up to --to)
  --to DATE                    last day of the period, inclusive (default: today)
  --tz ZONE                    IANA time zone the days are counted in
                               (default: this machine's, as in the editor)
  --host HOST                  GitHub host of the journals (default: github.com)
  --journal-dir DIR            folder holding <host>/<login>.json journals
                               (default: $REVIEW_MENTOR_JOURNAL_DIR, else the
                               folder VS Code keeps Review Mentor's journals in)
  --out FILE                   write here instead of standard output
  --no-text                    leave out comment text and PR titles (counts and links only)
  --no-reviewer-names          replace other people's logins with pseudonyms
  --include-bots               count comments written by bots
  --likely                     also list likely categories (suggested, not confirmed; never counted)
  --include-given              add "Feedback you gave" (My reviews): the mix of the
                               comments each engineer gave, per person, with prompts;
                               the other journals of --host in --journal-dir are
                               searched too (what those engineers received)
  -h, --help                   show this help

The period covers whole days from --from to --to in --tz and is compared with
the period of the same length just before it.`;

const OPTIONS = {
  engineer: { type: 'string' },
  format: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  tz: { type: 'string' },
  host: { type: 'string' },
  'journal-dir': { type: 'string' },
  out: { type: 'string' },
  'no-text': { type: 'boolean' },
  'no-reviewer-names': { type: 'boolean' },
  'include-bots': { type: 'boolean' },
  likely: { type: 'boolean' },
  'include-given': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ExportArgs {
  engineers: string[];
  host: string;
  format: Format;
  from: string;
  /** Inclusive last day. */
  to: string;
  timeZone: string;
  journalDir: string;
  journalSource: JournalRoot['source'];
  out?: string;
  includeText: boolean;
  includeReviewerNames: boolean;
  excludeBots: boolean;
  includeLikely: boolean;
  includeGiven: boolean;
}

/** Checks and completes the options; every problem is a CliError with exit code 2. */
export function parseExportArgs(args: string[], env: NodeJS.ProcessEnv, now: Date): ExportArgs | 'help' {
  const { values: v } = parseOptions(args, OPTIONS, USAGE);
  if (v.help) return 'help';
  const usage = (msg: string) => new CliError(`${msg}\n${USAGE}`, 2);
  const engineers = (v.engineer ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (engineers.length === 0) throw usage('--engineer is required.');
  const bad = engineers.find((e) => !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}(\[bot\])?$/.test(e)); // GHE logins may hold "_" and "."
  if (bad) throw usage(`"${bad}" is not a GitHub login.`);
  const format = (v.format ?? EXTENSIONS[path.extname(v.out ?? '').slice(1).toLowerCase()] ?? '') as Format;
  if (!(format in FORMATS)) throw usage(v.format ? `Unknown format "${v.format}": use md, html, csv or json.` : '--format is required (md, html, csv or json).');
  const timeZone = v.tz ?? localTimeZone();
  try {
    assertTimeZone(timeZone);
  } catch {
    throw usage(`Unknown time zone "${timeZone}". Use an IANA name such as Europe/Berlin.`);
  }
  for (const [name, value] of [['--from', v.from], ['--to', v.to]] as const) {
    if (value !== undefined && (!DATE_PATTERN.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)) {
      throw usage(`${name} must be a date like 2026-01-31, not "${value}".`);
    }
  }
  const to = v.to ?? zonedDate(now.getTime(), timeZone);
  const from = v.from ?? addDaysToDate(to, -29);
  if (from > to) throw usage(`--from (${from}) is after --to (${to}).`);
  const root = resolveJournalRoot(v['journal-dir'], { platform: process.platform, home: homedir(), env });
  return {
    engineers,
    host: (v.host ?? 'github.com').toLowerCase(),
    format,
    from,
    to,
    timeZone,
    journalDir: root.dir,
    journalSource: root.source,
    out: v.out,
    includeText: !v['no-text'],
    includeReviewerNames: !v['no-reviewer-names'],
    excludeBots: !v['include-bots'],
    includeLikely: v.likely === true,
    includeGiven: v['include-given'] === true,
  };
}

/** Loads each engineer's journal; a missing, unreadable or newer journal stops the export. */
export async function loadJournals(a: ExportArgs): Promise<Journal[]> {
  if (!existsSync(a.journalDir)) {
    throw new CliError(`No journals in ${a.journalDir} (${a.journalSource}): it does not exist. Sync first, or pass --journal-dir DIR or set REVIEW_MENTOR_JOURNAL_DIR.`);
  }
  const problems: StoreProblem[] = [];
  const store = new JournalStore({ rootDir: a.journalDir, onProblem: (p) => problems.push(p) });
  const journals: Journal[] = [];
  for (const login of a.engineers) {
    const engineer = { login, host: a.host };
    // open() would create an empty journal; an unknown engineer is an error here.
    if (!existsSync(journalPaths(a.journalDir, engineer).main)) {
      const known = (await store.list()).filter((e) => e.host === a.host).map((e) => e.login);
      throw new CliError(`No journal for ${login} on ${a.host} in ${a.journalDir}.${known.length ? ` Journals there: ${known.join(', ')}.` : ''}`);
    }
    // Reading through the store changes nothing: a damaged file is reported and left as it is.
    const handle = await store.open(engineer);
    const journal = await handle.load();
    const paths = journalPaths(a.journalDir, engineer);
    const mine = problems.filter((p) => p.file === paths.main || p.file.startsWith(paths.shardDir + path.sep));
    if (mine.length > 0) {
      throw new CliError(`The journal of ${login} could not be read, so nothing was exported: ${mine.map((p) => p.message).join(' ')}`);
    }
    if (handle.readOnly) throw new CliError(`The journal of ${login} was written by a newer Review Mentor (${handle.readOnlyReason ?? 'unknown version'}). Update the CLI to export it.`);
    journals.push(journal);
  }
  return journals;
}

/**
 * The other journals of the host, searched for comments the exported engineers
 * gave. They only add to the summary, so one that cannot be read is skipped
 * (and named) rather than stopping the export; nothing is changed on disk.
 */
export async function loadGivenSources(a: ExportArgs, note: (message: string) => void): Promise<Journal[]> {
  const problems: StoreProblem[] = [];
  const store = new JournalStore({ rootDir: a.journalDir, onProblem: (p) => problems.push(p) });
  const wanted = new Set(a.engineers.map((e) => e.toLowerCase()));
  const out: Journal[] = [];
  for (const engineer of await store.list()) {
    if (engineer.host !== a.host || wanted.has(engineer.login.toLowerCase())) continue;
    const paths = journalPaths(a.journalDir, engineer);
    try {
      const handle = await store.open(engineer);
      const journal = await handle.load();
      if (problems.some((p) => p.file === paths.main || p.file.startsWith(paths.shardDir + path.sep))) throw new Error('damaged shard');
      out.push(journal);
    } catch {
      note(`skipped the journal of ${engineer.login} when looking for feedback given: ${paths.main} or its shards could not be read.`);
    }
  }
  return out;
}

/** Readers see the old file or the whole new one (the store's atomic write). */
export async function writeAtomically(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path.resolve(file), text);
  } catch (err) {
    const plain = plainStorageError(err, path.dirname(path.resolve(file)), 'save', 'or write the summary elsewhere with --out');
    throw new CliError(plain instanceof JournalStorageError ? plain.message : `Could not write ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function render(summary: Summary, format: Format): string {
  return FORMATS[format](summary);
}

const command: CliCommand = {
  async run(args: string[]): Promise<number> {
    const now = new Date();
    const a = parseExportArgs(args, process.env, now);
    if (a === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`review-mentor: journals in ${a.journalDir} (${a.journalSource})\n`);
    const journals = await loadJournals(a);
    const givenSources = a.includeGiven ? await loadGivenSources(a, (m) => process.stderr.write(`review-mentor: note: ${m}\n`)) : [];
    let summary: Summary;
    try {
      summary = summarise({
        journals,
        fromDay: a.from,
        toDay: a.to,
        now,
        timeZone: a.timeZone,
        includeText: a.includeText,
        includeReviewerNames: a.includeReviewerNames,
        excludeBots: a.excludeBots,
        includeLikely: a.includeLikely,
        taxonomy: Taxonomy.fromSettings().taxonomy,
        includeGiven: a.includeGiven,
        givenSources,
      });
    } catch (err) {
      throw new CliError(`Could not build the summary: ${err instanceof Error ? err.message : String(err)}`);
    }
    const text = render(summary, a.format);
    // An empty period still gets its summary (it says so); the note goes to stderr too.
    for (const e of summary.engineers) {
      if (e.items.length === 0) process.stderr.write(`review-mentor: note: no feedback for ${e.login} between ${a.from} and ${a.to}.\n`);
    }
    if (a.out) {
      await writeAtomically(a.out, text);
      process.stderr.write(`review-mentor: wrote ${a.format} summary to ${a.out}\n`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  },
};

export default command;
