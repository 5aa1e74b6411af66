// A self-contained, printable HTML page: inline CSS with light and dark
// colours and print rules, no scripts, no external requests. Every string
// that came from GitHub or the journal goes through esc(); comment bodies are
// shown as escaped text, never as HTML; only http(s) links become hrefs.
// esc() also makes control characters visible and drops bidi controls.
import { visibleControls } from '../safeText';
import type { CategoryCount, EngineerSummary, Quote, Summary, SummaryEntry, Trend } from './schema';
import { change, periodText, reviewUrl, safeUrl, sharesLine, title, tooFew } from './format';
import { GIVEN_TITLE, givenText, type GivenText } from './givenText';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: string | number): string {
  return visibleControls(String(s)).replace(/[&<>"']/g, (c) => ESC[c]!);
}

function a(text: string, url: string | undefined): string {
  const safe = safeUrl(url);
  return safe ? `<a href="${esc(safe)}" rel="noopener noreferrer">${esc(text)}</a>` : esc(text);
}

const CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--card:#f6f8fa;--line:#d1d9e0;--accent:#0969da;--down:#cf222e;--bar:#54aeff}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--card:#151b23;--line:#3d444d;--accent:#4493f8;--down:#f85149;--bar:#1f6feb}}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);max-width:960px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}h3{font-size:1.05rem;margin-top:1.5rem}
.meta,.muted{color:var(--muted)}
a{color:var(--accent)}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.delta{color:var(--muted)}
.bar{display:inline-block;height:.6rem;background:var(--bar);border-radius:2px;vertical-align:middle}
.bar.hatched{background:repeating-linear-gradient(45deg,var(--bar) 0 2px,transparent 2px 5px);border:1px solid var(--bar)}
.note{background:var(--card);border-left:4px solid var(--accent);padding:.5rem .75rem;margin:.5rem 0}
.points li{margin:.25rem 0}
blockquote{margin:.25rem 0 .75rem;padding:.25rem .75rem;border-left:3px solid var(--line);white-space:pre-wrap;overflow-wrap:anywhere}
.tag{display:inline-block;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;font-size:.8rem;margin-right:.25rem}
.overdue{color:var(--down);font-weight:600}
section.engineer{break-before:page}section.engineer:first-of-type{break-before:auto}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}h2,h3{break-after:avoid}tr,blockquote,li{break-inside:avoid}.note{border-left-color:#000}}
`;

export function toHtml(s: Summary): string {
  const team = s.team !== null;
  const body: string[] = [`<h1>${esc(title(s))}</h1>`, `<p class="meta">Period: ${esc(periodText(s))}. Generated ${esc(s.generatedAt.slice(0, 10))}.</p>`];
  for (const n of s.notes) body.push(`<p class="note">${esc(n)}</p>`);
  if (s.team) {
    body.push('<h2>Team at a glance</h2>', '<table><thead><tr><th>Engineer</th><th class="n">Received</th><th class="n">Given</th><th class="n">Praise</th><th class="n">Blocking (unresolved)</th><th class="n">Open actions</th><th class="n">Overdue goals</th><th>Top category</th></tr></thead><tbody>');
    for (const r of s.team) {
      body.push(
        `<tr><td>${esc(r.login)}</td><td class="n">${r.received.current} ${delta(r.received)}</td><td class="n">${r.given.current} ${delta(r.given)}</td><td class="n">${r.praiseReceived}</td><td class="n">${r.blocking} (${r.unresolvedBlocking})</td><td class="n">${r.openActions}</td><td class="n">${r.overdueGoals}</td><td>${esc(r.topCategory ?? '–')}</td></tr>`,
      );
    }
    body.push('</tbody></table>', `<p class="muted">Top category “–”: none, or fewer than ${s.minConfirmed} comments with a confirmed tag.</p>`);
  }
  for (const e of s.engineers) body.push(engineer(e, team, s.options.includeText, s.minConfirmed));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="referrer" content="no-referrer">
<title>${esc(title(s))}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

// Neutral colours: more feedback in a category is neither good nor bad by itself.
function delta(t: Trend): string {
  const arrow = t.delta > 0 ? '▲ ' : t.delta < 0 ? '▼ ' : '';
  return `<span class="delta" title="previous period: ${t.previous}">${arrow}${esc(change(t))}</span>`;
}

function engineer(e: EngineerSummary, team: boolean, withText: boolean, minConfirmed: number): string {
  const H = team ? 'h3' : 'h2';
  const out: string[] = [`<section class="engineer">`];
  if (team) out.push(`<h2>${esc(e.login)}</h2>`);
  out.push(`<${H}>Talking points</${H}>`, '<ul class="points">', ...(e.talkingPoints.length ? e.talkingPoints.map((t) => `<li>${esc(t.text)}${t.link && reviewUrl(t.link.url) ? ` <a href="${esc(reviewUrl(t.link.url)!)}">${esc(t.link.text)}</a>` : ''}</li>`) : ['<li class="muted">Nothing stands out this period.</li>']), '</ul>');

  const r = e.received;
  out.push(`<${H}>Feedback received</${H}>`, '<table><thead><tr><th></th><th class="n">This period</th><th class="n">Previous</th><th class="n">Change</th></tr></thead><tbody>');
  // Changes by category only between periods with enough confirmed tags; totals always.
  const rows = [
    ['Total', r.total, true],
    ['Confirmed', r.confirmed, true],
    ['Technical', r.byGroup.technical, r.comparable],
    ['Interpersonal', r.byGroup.interpersonal, r.comparable],
    ['Untagged', r.untagged, true],
  ] as const;
  for (const [label, t, show] of rows) {
    out.push(`<tr><td>${esc(label)}</td><td class="n">${t.current}</td><td class="n">${t.previous}</td><td class="n">${show ? delta(t) : '–'}</td></tr>`);
  }
  out.push('</tbody></table>');
  out.push(`<p class="shares">${esc(sharesLine(r.shares))}</p>`);
  if (!r.comparable && r.total.current > 0) out.push(`<p class="note">${esc(tooFew(r.confirmed.current, r.confirmed.previous, minConfirmed))}</p>`);
  if (r.byCategory.length) out.push(categoryTable(r.byCategory, r.comparable));
  if (r.likely.length) {
    out.push('<p class="muted">Likely categories: suggested by Review Mentor, not confirmed by a person, not counted above.</p>', '<table class="likely"><thead><tr><th>Likely category</th><th class="n">Comments</th></tr></thead><tbody>');
    for (const c of r.likely) out.push(`<tr><td><em>likely</em> ${esc(c.label)}</td><td class="n">${c.count} <span class="bar hatched" style="width:${Math.min(120, c.count * 6)}px" aria-hidden="true"></span></td></tr>`);
    out.push('</tbody></table>');
  }

  out.push(`<${H}>Recurring themes</${H}>`, '<p>');
  out.push(
    !r.enoughConfirmed
      ? `<span class="muted">Too few confirmed tags for themes (${r.confirmed.current}; at least ${minConfirmed} needed).</span>`
      : e.themes.categories.length
        ? e.themes.categories.map((c) => `<span class="tag">${esc(c.label)} · ${c.count}</span>`).join(' ')
        : '<span class="muted">No category with more than one comment.</span>',
  );
  out.push('</p>');
  if (withText && e.themes.topics.length) out.push(`<p>Topics: ${e.themes.topics.map((t) => `<span class="tag">${esc(t.term)} · ${t.count}</span>`).join(' ')}</p>`);

  out.push(`<${H}>Praise received (${e.praise.receivedCount})</${H}>`, quotes(e.praise.received, 'from'));
  out.push(`<${H}>Blocking issues raised (${e.blocking.count}, ${e.blocking.unresolved} unresolved)</${H}>`, quotes(e.blocking.items, 'from', true));
  out.push(`<${H}>Feedback given to others (${e.given.total.current}, previous ${e.given.total.previous})</${H}>`);
  const givenCats = e.given.byCategory.filter((c) => c.current > 0);
  if (givenCats.length) out.push(`<p>By category: ${givenCats.map((c) => `<span class="tag">${esc(c.label)} · ${c.current}</span>`).join(' ')}</p>`);
  if (e.given.examples.length) out.push('<p>Examples:</p>', quotes(e.given.examples, 'to'));
  out.push(`<${H}>Praise given (${e.praise.givenCount})</${H}>`, quotes(e.praise.given, 'to'));
  if (e.feedbackGiven) out.push(given(givenText(e.feedbackGiven), team));
  out.push(`<${H}>Goals</${H}>`, entries(e.goals), `<${H}>Action items</${H}>`, entries(e.actions), '</section>');
  return out.join('\n');
}

function given(g: GivenText, team: boolean): string {
  const [H, H2] = team ? ['h3', 'h4'] : ['h2', 'h3'];
  const out = [`<section class="given"><${H}>${GIVEN_TITLE}</${H}>`, `<p>${esc(g.intro)}</p>`];
  if (g.axes.length) out.push('<ul>', ...g.axes.map(([label, text]) => `<li><strong>${esc(label)}</strong>: ${esc(text)}</li>`), '</ul>');
  if (g.people.rows.length) {
    out.push(`<${H2}>By person</${H2}>`, `<table><thead><tr>${g.people.header.map((c, i) => `<th${i ? ' class="n"' : ''}>${esc(c)}</th>`).join('')}</tr></thead><tbody>`);
    for (const r of g.people.rows) out.push(`<tr>${r.map((c, i) => `<td${i ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`);
    out.push('</tbody></table>');
  }
  out.push(`<${H2}>Prompts</${H2}>`, '<ul class="points">');
  if (g.prompts.length === 0) out.push('<li class="muted">Nothing stands out: too few comments for a pattern, or none worth raising.</li>');
  for (const p of g.prompts) {
    const links = p.links.map((l) => a(l.label, l.url)).join(', ');
    out.push(`<li>${esc(p.text)} <span class="muted">Comments: ${links}${p.more ? ` and ${p.more} more` : ''}.</span></li>`);
  }
  out.push('</ul></section>');
  return out.join('\n');
}

function categoryTable(rows: CategoryCount[], comparable: boolean): string {
  const max = Math.max(1, ...rows.map((c) => Math.max(c.current, c.previous)));
  const out = ['<table><thead><tr><th>Category</th><th class="n">This period</th><th class="n">Previous</th><th class="n">Change</th><th aria-hidden="true"></th></tr></thead><tbody>'];
  for (const c of rows) {
    const width = Math.round((c.current / max) * 120);
    out.push(`<tr><td>${esc(c.label)}</td><td class="n">${c.current}</td><td class="n">${c.previous}</td><td class="n">${comparable ? delta(c) : '–'}</td><td aria-hidden="true"><span class="bar" style="width:${width}px"></span></td></tr>`);
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

function quotes(list: Quote[], dir: 'from' | 'to', showResolved = false): string {
  if (list.length === 0) return '<p class="muted">None.</p>';
  const items = list.map((q) => {
    const flags = !showResolved || q.resolved === undefined ? '' : q.resolved ? ' <span class="muted">(resolved)</span>' : ' <span class="overdue">(unresolved)</span>';
    const head = `${esc(q.date)}, ${dir} ${esc(q.person)} on ${a(`${q.repo}#${q.prNumber}`, q.url || q.prUrl)}${flags}`;
    return `<li>${head}${q.text ? `<blockquote>${esc(q.text)}</blockquote>` : ''}</li>`;
  });
  return `<ul>\n${items.join('\n')}\n</ul>`;
}

function entries(list: SummaryEntry[]): string {
  if (list.length === 0) return '<p class="muted">None.</p>';
  const items = list.map((e) => {
    const box = e.status === 'done' ? '☑' : '☐';
    const due = e.targetDate ? ` <span class="${e.overdue ? 'overdue' : 'muted'}">(due ${esc(e.targetDate)}${e.overdue ? ', overdue' : ''})</span>` : '';
    const links = e.links.length ? `<br><span class="muted">Linked: ${e.links.map((l, i) => (l.url ? a(l.text || `comment ${i + 1}`, l.url) : 'a comment no longer in the journal')).join('; ')}</span>` : '';
    const goal = e.goal ? ` <span class="muted">(goal: ${esc(e.goal.text)})</span>` : '';
    return `<li>${box} ${esc(e.text)}${goal}${due}${links}</li>`;
  });
  return `<ul>\n${items.join('\n')}\n</ul>`;
}
