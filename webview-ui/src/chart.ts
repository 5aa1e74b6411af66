// Stacked bar chart of tags received per week/month, coloured from the VS Code
// theme's chart variables. Chart.js draws on a canvas and only sets the
// canvas size through the CSSOM, which the CSP allows (no inline <style>).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { Buckets } from '../../src/core/journalStats';
import { LIKELY_SERIES, UNTAGGED } from '../../src/core/journalStats';
import * as l10n from '@vscode/l10n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const PALETTE_VARS = ['--vscode-charts-blue', '--vscode-charts-red', '--vscode-charts-yellow', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-orange'];
const FALLBACK = ['#3794ff', '#f14c4c', '#cca700', '#89d185', '#b180d7', '#d18616'];
export const OTHER = 'other';

export interface Theme {
  foreground: string;
  muted: string;
  grid: string;
  font: string;
  palette: string[];
}

export function readTheme(): Theme {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    foreground: v('--vscode-foreground', '#cccccc'),
    muted: v('--vscode-descriptionForeground', '#999999'),
    grid: v('--vscode-charts-lines', 'rgba(128,128,128,0.35)'),
    font: v('--vscode-font-family', 'sans-serif'),
    palette: PALETTE_VARS.map((name, i) => v(name, FALLBACK[i]!)),
  };
}

export interface ChartSeries {
  key: string;
  label: string;
  data: number[];
}

/** The six most frequent categories get the theme's six chart colours; the rest are "Other". */
export function chartSeries(b: Buckets, labelOf: (id: string) => string): ChartSeries[] {
  const total = (d: number[]) => d.reduce((s, n) => s + n, 0);
  const ranked = [...b.series.entries()].filter(([id]) => id !== UNTAGGED && id !== LIKELY_SERIES).sort((a, c) => total(c[1]) - total(a[1]) || a[0].localeCompare(c[0]));
  const top = ranked.slice(0, PALETTE_VARS.length);
  const rest = [...ranked.slice(PALETTE_VARS.length), ...[...b.series.entries()].filter(([id]) => id === UNTAGGED)];
  const series = top.map(([id, data]) => ({ key: id, label: labelOf(id), data }));
  const likely = b.series.get(LIKELY_SERIES);
  if (rest.length > 0) {
    const data = b.starts.map((_, i) => rest.reduce((s, [, d]) => s + (d[i] ?? 0), 0));
    series.push({ key: OTHER, label: likely ? l10n.t('Other / not sure') : l10n.t('Other / untagged'), data });
  }
  if (likely) series.push({ key: LIKELY_SERIES, label: l10n.t('Likely (suggested, not confirmed)'), data: likely });
  return series;
}

/** Diagonal hatching in `color` on a transparent tile. */
function hatch(color: string): CanvasPattern | undefined {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const g = tile.getContext('2d');
  if (!g) return undefined;
  g.strokeStyle = color;
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(0, 8);
  g.lineTo(8, 0);
  g.moveTo(-2, 2);
  g.lineTo(2, -2);
  g.moveTo(6, 10);
  g.lineTo(10, 6);
  g.stroke();
  return g.createPattern(tile, 'repeat') ?? undefined;
}

export class TrendChart {
  private chart: Chart<'bar'> | undefined;

  render(canvas: HTMLCanvasElement, labels: string[], series: ChartSeries[]): void {
    if (this.chart && this.chart.canvas !== canvas) this.destroy();
    const t = readTheme();
    const datasets = series.map((s, i) => {
      const color = s.key === OTHER ? t.muted : t.palette[i % t.palette.length]!;
      // The likely layer is hatched and outlined: never mistaken for a confirmed category.
      if (s.key === LIKELY_SERIES) return { label: s.label, data: s.data, backgroundColor: hatch(t.muted) ?? t.muted, borderColor: t.muted, borderWidth: 1, stack: 'tags' };
      return { label: s.label, data: s.data, backgroundColor: color, borderColor: color, borderWidth: 0, stack: 'tags' };
    });
    if (this.chart) {
      this.chart.data = { labels, datasets };
      this.applyTheme(t);
      this.chart.update('none');
      return;
    }
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom' }, tooltip: { mode: 'index', intersect: false } },
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    this.applyTheme(t);
    this.chart.update('none');
  }

  /** Called when the body's theme class changes. */
  retheme(): void {
    if (!this.chart) return;
    const t = readTheme();
    this.chart.data.datasets.forEach((d, i) => {
      if (d.label?.startsWith('Likely')) {
        d.backgroundColor = hatch(t.muted) ?? t.muted;
        d.borderColor = t.muted;
        return;
      }
      const color = d.label?.startsWith('Other') ? t.muted : t.palette[i % t.palette.length]!;
      d.backgroundColor = color;
      d.borderColor = color;
    });
    this.applyTheme(t);
    this.chart.update('none');
  }

  private applyTheme(t: Theme): void {
    const c = this.chart;
    if (!c) return;
    const o = c.options;
    o.color = t.foreground;
    o.font = { family: t.font };
    for (const axis of ['x', 'y'] as const) {
      const scale = o.scales?.[axis];
      if (!scale) continue;
      scale.ticks = { ...scale.ticks, color: t.foreground };
      scale.grid = { ...scale.grid, color: t.grid };
      scale.border = { ...scale.border, color: t.grid };
    }
    if (o.plugins?.legend?.labels) o.plugins.legend.labels.color = t.foreground;
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
}
