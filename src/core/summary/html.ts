// A self-contained, printable HTML page: inline CSS with light and dark
// colours and print rules, no scripts, no external requests. Every string
// that came from GitHub or the journal goes through esc(); comment bodies are
// shown as escaped text, never as HTML; only http(s) links become hrefs.
// esc() also makes control characters visible and drops bidi controls.
import * as l10n from '@vscode/l10n';
import { visibleControls } from '../safeText';
import { groupLabel } from '../taxonomy';
import type { CategoryCount, EngineerSummary, Quote, Summary, SummaryEntry, Trend } from './schema';
import { change, periodText, reviewUrl, safeUrl, sharesLine, title, tooFew, W } from './format';
import { givenTitle, givenText, type GivenText } from './givenText';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: string | number): string {
  return visibleControls(String(s)).replace(/[&<>"']/g, (c) => ESC[c]!);
}

/**
 * A translated sentence, escaped like any other text, with markup put where
 * its placeholders were: `withMarkup((x) => l10n.t('Comments: {0}.', x), links)`.
 * The holes are private-use characters, which esc() leaves alone.
 */
function withMarkup(sentence: (...holes: string[]) => string, ...markup: string[]): string {
  const holes = markup.map((_, i) => String.fromCharCode(0xe000 + i));
  return esc(sentence(...holes)).replace(/[\ue000-\ue0ff]/g, (c) => markup[c.charCodeAt(0) - 0xe000] ?? '');
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
  const body: string[] = [`<h1>${esc(title(s))}</h1>`, `<p class="meta">${esc(l10n.t('Period: {0}. Generated {1}.', periodText(s), s.generatedAt.slice(0, 10)))}</p>`];
  for (const n of s.notes) body.push(`<p class="note">${esc(n)}</p>`);
  if (s.team) {
    const th = (w: string, n = true) => `<th${n ? ' class="n"' : ''}>${esc(w)}</th>`;
    body.push(`<h2>${esc(W.teamAtAGlance())}</h2>`, `<table><thead><tr>${th(W.engineer(), false)}${th(W.received())}${th(W.given())}${th(W.praise())}${th(W.blockingUnresolved())}${th(W.openActions())}${th(W.overdueGoals())}${th(W.topCategory(), false)}</tr></thead><tbody>`);
    for (const r of s.team) {
      body.push(
        `<tr><td>${esc(r.login)}</td><td class="n">${r.received.current} ${delta(r.received)}</td><td class="n">${r.given.current} ${delta(r.given)}</td><td class="n">${r.praiseReceived}</td><td class="n">${r.blocking} (${r.unresolvedBlocking})</td><td class="n">${r.openActions}</td><td class="n">${r.overdueGoals}</td><td>${esc(r.topCategory ?? '–')}</td></tr>`,
      );
    }
    body.push('</tbody></table>', `<p class="muted">${esc(W.topCategoryNone(s.minConfirmed))}</p>`);
  }
  for (const e of s.engineers) body.push(engineer(e, team, s.options.includeText, s.minConfirmed));
  return `<!DOCTYPE html>
<html lang="${esc(documentLanguage())}">
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
  return `<span class="delta" title="${esc(l10n.t('previous period: {0}', t.previous))}">${arrow}${esc(change(t))}</span>`;
}

function engineer(e: EngineerSummary, team: boolean, withText: boolean, minConfirmed: number): string {
  const H = team ? 'h3' : 'h2';
  const out: string[] = [`<section class="engineer">`];
  if (team) out.push(`<h2>${esc(e.login)}</h2>`);
  out.push(`<${H}>${esc(W.talkingPoints())}</${H}>`, '<ul class="points">', ...(e.talkingPoints.length ? e.talkingPoints.map((t) => `<li>${esc(t.text)}${t.link && reviewUrl(t.link.url) ? ` <a href="${esc(reviewUrl(t.link.url)!)}">${esc(t.link.text)}</a>` : ''}</li>`) : [`<li class="muted">${esc(W.nothingStandsOut())}</li>`]), '</ul>');

  const r = e.received;
  out.push(`<${H}>${esc(W.feedbackReceived())}</${H}>`, `<table><thead><tr><th></th><th class="n">${esc(W.thisPeriod())}</th><th class="n">${esc(W.previous())}</th><th class="n">${esc(W.change())}</th></tr></thead><tbody>`);
  // Changes by category only between periods with enough confirmed tags; totals always.
  const rows = [
    [W.total(), r.total, true],
    [W.confirmed(), r.confirmed, true],
    [groupLabel('technical'), r.byGroup.technical, r.comparable],
    [groupLabel('interpersonal'), r.byGroup.interpersonal, r.comparable],
    [W.untagged(), r.untagged, true],
  ] as const;
  for (const [label, t, show] of rows) {
    out.push(`<tr><td>${esc(label)}</td><td class="n">${t.current}</td><td class="n">${t.previous}</td><td class="n">${show ? delta(t) : '–'}</td></tr>`);
  }
  out.push('</tbody></table>');
  out.push(`<p class="shares">${esc(sharesLine(r.shares))}</p>`);
  if (!r.comparable && r.total.current > 0) out.push(`<p class="note">${esc(tooFew(r.confirmed.current, r.confirmed.previous, minConfirmed))}</p>`);
  if (r.byCategory.length) out.push(categoryTable(r.byCategory, r.comparable));
  if (r.likely.length) {
    out.push(`<p class="muted">${esc(l10n.t('Likely categories: suggested by Review Mentor, not confirmed by a person, not counted above.'))}</p>`, `<table class="likely"><thead><tr><th>${esc(W.likelyCategory())}</th><th class="n">${esc(W.comments())}</th></tr></thead><tbody>`);
    for (const c of r.likely) out.push(`<tr><td><em>${esc(W.likely())}</em> ${esc(c.label)}</td><td class="n">${c.count} <span class="bar hatched" style="width:${Math.min(120, c.count * 6)}px" aria-hidden="true"></span></td></tr>`);
    out.push('</tbody></table>');
  }

  out.push(`<${H}>${esc(W.recurringThemes())}</${H}>`, '<p>');
  out.push(
    !r.enoughConfirmed
      ? `<span class="muted">${esc(l10n.t('Too few confirmed tags for themes ({0}; at least {1} needed).', r.confirmed.current, minConfirmed))}</span>`
      : e.themes.categories.length
        ? e.themes.categories.map((c) => `<span class="tag">${esc(c.label)} · ${c.count}</span>`).join(' ')
        : `<span class="muted">${esc(l10n.t('No category with more than one comment.'))}</span>`,
  );
  out.push('</p>');
  if (withText && e.themes.topics.length) out.push(`<p>${withMarkup((x) => l10n.t('Topics: {0}', x), e.themes.topics.map((t) => `<span class="tag">${esc(t.term)} · ${t.count}</span>`).join(' '))}</p>`);

  out.push(`<${H}>${esc(W.praiseReceived(e.praise.receivedCount))}</${H}>`, quotes(e.praise.received, 'from'));
  out.push(`<${H}>${esc(W.blockingRaised(e.blocking.count, e.blocking.unresolved))}</${H}>`, quotes(e.blocking.items, 'from', true));
  out.push(`<${H}>${esc(W.givenToOthers(e.given.total.current, e.given.total.previous))}</${H}>`);
  const givenCats = e.given.byCategory.filter((c) => c.current > 0);
  if (givenCats.length) out.push(`<p>${withMarkup((x) => l10n.t('By category: {0}', x), givenCats.map((c) => `<span class="tag">${esc(c.label)} · ${c.current}</span>`).join(' '))}</p>`);
  if (e.given.examples.length) out.push(`<p>${esc(W.examples())}</p>`, quotes(e.given.examples, 'to'));
  out.push(`<${H}>${esc(W.praiseGiven(e.praise.givenCount))}</${H}>`, quotes(e.praise.given, 'to'));
  if (e.feedbackGiven) out.push(given(givenText(e.feedbackGiven), team));
  out.push(`<${H}>${esc(W.goals())}</${H}>`, entries(e.goals), `<${H}>${esc(W.actionItems())}</${H}>`, entries(e.actions), '</section>');
  return out.join('\n');
}

function given(g: GivenText, team: boolean): string {
  const [H, H2] = team ? ['h3', 'h4'] : ['h2', 'h3'];
  const out = [`<section class="given"><${H}>${esc(givenTitle())}</${H}>`, `<p>${esc(g.intro)}</p>`];
  if (g.axes.length) out.push('<ul>', ...g.axes.map(([label, text]) => `<li><strong>${esc(label)}</strong>: ${esc(text)}</li>`), '</ul>');
  if (g.people.rows.length) {
    out.push(`<${H2}>${esc(W.byPerson())}</${H2}>`, `<table><thead><tr>${g.people.header.map((c, i) => `<th${i ? ' class="n"' : ''}>${esc(c)}</th>`).join('')}</tr></thead><tbody>`);
    for (const r of g.people.rows) out.push(`<tr>${r.map((c, i) => `<td${i ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`);
    out.push('</tbody></table>');
  }
  out.push(`<${H2}>${esc(W.prompts())}</${H2}>`, '<ul class="points">');
  if (g.prompts.length === 0) out.push(`<li class="muted">${esc(W.noPrompts())}</li>`);
  for (const p of g.prompts) {
    const links = p.links.map((l) => a(l.label, l.url)).join(', ');
    const more = p.more;
    out.push(`<li>${esc(p.text)} <span class="muted">${withMarkup((x) => (more ? l10n.t('Comments: {0} and {1} more.', x, more) : l10n.t('Comments: {0}.', x)), links)}</span></li>`);
  }
  out.push('</ul></section>');
  return out.join('\n');
}

function categoryTable(rows: CategoryCount[], comparable: boolean): string {
  const max = Math.max(1, ...rows.map((c) => Math.max(c.current, c.previous)));
  const out = [`<table><thead><tr><th>${esc(W.category())}</th><th class="n">${esc(W.thisPeriod())}</th><th class="n">${esc(W.previous())}</th><th class="n">${esc(W.change())}</th><th aria-hidden="true"></th></tr></thead><tbody>`];
  for (const c of rows) {
    const width = Math.round((c.current / max) * 120);
    out.push(`<tr><td>${esc(c.label)}</td><td class="n">${c.current}</td><td class="n">${c.previous}</td><td class="n">${comparable ? delta(c) : '–'}</td><td aria-hidden="true"><span class="bar" style="width:${width}px"></span></td></tr>`);
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

function quotes(list: Quote[], dir: 'from' | 'to', showResolved = false): string {
  if (list.length === 0) return `<p class="muted">${esc(W.none())}</p>`;
  const items = list.map((q) => {
    const flags = !showResolved || q.resolved === undefined ? '' : q.resolved ? ` <span class="muted">(${esc(W.resolved())})</span>` : ` <span class="overdue">(${esc(W.unresolved())})</span>`;
    const head = `${withMarkup((date, person, where) => W.quoteHead(date!, dir, person!, where!), esc(q.date), esc(q.person), a(`${q.repo}#${q.prNumber}`, q.url || q.prUrl))}${flags}`;
    return `<li>${head}${q.text ? `<blockquote>${esc(q.text)}</blockquote>` : ''}</li>`;
  });
  return `<ul>\n${items.join('\n')}\n</ul>`;
}

function entries(list: SummaryEntry[]): string {
  if (list.length === 0) return `<p class="muted">${esc(W.none())}</p>`;
  const items = list.map((e) => {
    const box = e.status === 'done' ? '☑' : '☐';
    const due = e.targetDate ? ` <span class="${e.overdue ? 'overdue' : 'muted'}">(${esc(e.overdue ? l10n.t('due {0}, {1}', e.targetDate, W.overdue()) : l10n.t('due {0}', e.targetDate))})</span>` : '';
    const links = e.links.length ? `<br><span class="muted">${withMarkup((x) => l10n.t('Linked: {0}', x), e.links.map((l, i) => (l.url ? a(l.text || W.commentN(i + 1), l.url) : esc(W.goneComment()))).join('; '))}</span>` : '';
    const goal = e.goal ? ` <span class="muted">(${esc(l10n.t('goal: {0}', e.goal.text))})</span>` : '';
    return `<li>${box} ${esc(e.text)}${goal}${due}${links}</li>`;
  });
  return `<ul>\n${items.join('\n')}\n</ul>`;
}

/** The language of the page's words: a translation names its own tag ("de"); English without a bundle. */
function documentLanguage(): string {
  const tag = l10n.t({ message: 'en', comment: ['The BCP 47 tag of this translation, for <html lang>: "de" in the German bundle.'] });
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : 'en';
}
