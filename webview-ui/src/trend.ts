// ▲/▼ trend markers with text for screen readers (the arrows are hidden from them).
import { html, type TemplateResult } from 'lit';
import type { Trend } from '../../src/core/journalStats';

export function trendText(t: Trend): string {
  if (t.direction === 'none' || t.previous === null) return 'no previous period to compare';
  if (t.direction === 'same') return `same as the previous period (${t.previous})`;
  return `${t.direction === 'up' ? 'up' : 'down'} ${Math.abs(t.delta ?? 0)} from ${t.previous} in the previous period`;
}

export function trendBadge(t: Trend): TemplateResult {
  if (t.direction === 'none') return html`<span class="sr-only">${trendText(t)}</span>`;
  const arrow = t.direction === 'up' ? '▲' : t.direction === 'down' ? '▼' : '–';
  const n = t.direction === 'same' ? '0' : String(Math.abs(t.delta ?? 0));
  return html`<span class="trend trend-${t.direction}" aria-hidden="true" title=${trendText(t)}>${arrow} ${n}</span><span class="sr-only">${trendText(t)}</span>`;
}
