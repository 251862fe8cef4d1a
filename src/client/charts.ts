/**
 * `<ec-chart data-chart="{...}">`: draws a Chart.js chart from the JSON spec in its data
 * attribute onto the canvas inside it. Bundled by scripts/bundle-client.ts into a classic
 * script (public/scripts/charts.js) so that it also runs from file://. Colours come from CSS
 * custom properties and follow the colour scheme; there is no animation.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartSpec } from '../lib/chart-spec.ts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

function cssVar(el: Element, name: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || '#888';
}

function format(value: number, unit: string, locale: string): string {
  if (unit === '%') return `${value > 0 ? '+' : ''}${value.toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

class EcChart extends HTMLElement {
  private chart: Chart | undefined;
  private readonly scheme = matchMedia('(prefers-color-scheme: dark)');
  private readonly redraw = () => this.draw();

  connectedCallback(): void {
    this.draw();
    this.scheme.addEventListener('change', this.redraw);
  }

  disconnectedCallback(): void {
    this.scheme.removeEventListener('change', this.redraw);
    this.chart?.destroy();
  }

  private draw(): void {
    const canvas = this.querySelector('canvas');
    const raw = this.dataset.chart;
    if (!canvas || !raw) return;
    const spec = JSON.parse(raw) as ChartSpec;
    this.chart?.destroy();
    const text = cssVar(this, '--text');
    const grid = cssVar(this, '--border');
    const hasRight = spec.series.some((s) => s.axis === 'right');
    this.chart = new Chart(canvas, {
      data: {
        labels: [...spec.labels],
        datasets: spec.series.map((s, i) => ({
          type: s.kind,
          label: s.label,
          data: [...s.values],
          yAxisID: s.axis === 'right' ? 'y2' : 'y',
          backgroundColor: cssVar(this, s.color),
          borderColor: cssVar(this, s.color),
          borderWidth: s.kind === 'line' ? 2 : 0,
          pointRadius: s.kind === 'line' ? 3 : 0,
          spanGaps: false,
          hidden: s.hidden ?? false,
          order: s.kind === 'line' ? 0 : i + 1,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { labels: { color: text } },
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const s = spec.series[ctx.datasetIndex]!;
                const v = ctx.parsed.y;
                return v === null || v === undefined ? `${s.label}: —` : `${s.label}: ${format(v, s.unit, spec.locale)}${s.unit === '%' ? '' : ` ${s.unitLabel}`}`;
              },
            },
          },
        },
        scales: {
          x: { ticks: { color: text }, grid: { color: grid } },
          y: {
            ticks: { color: text },
            grid: { color: grid },
            title: { display: Boolean(spec.leftTitle), text: spec.leftTitle ?? '', color: text },
          },
          ...(hasRight
            ? {
                y2: {
                  position: 'right' as const,
                  ticks: { color: text, callback: (v: string | number) => `${v}%` },
                  grid: { drawOnChartArea: false },
                  title: { display: Boolean(spec.rightTitle), text: spec.rightTitle ?? '', color: text },
                },
              }
            : {}),
        },
      },
    });
  }
}

if (!customElements.get('ec-chart')) customElements.define('ec-chart', EcChart);

