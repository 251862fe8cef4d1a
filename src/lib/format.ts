/**
 * Figure values for people, in each edition: `RMB236.5bn` / `人民币 2,365 亿元`, `+5%` / `同比 +5%`.
 * The exact value is always in the data; these are display forms.
 */
import type { Edition } from './paths.ts';
import type { Figure, FigureUnit } from './schema.ts';
import { currency } from './currencies.ts';
import { FORMAT_UI } from './i18n.ts';

function trim(n: number, digits: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}


/** An amount or count: `RMB236.5bn`, `RMB55m`, `46m`, `人民币 2,365 亿元`, `4,600 万`. */
export function formatAmount(value: number, unit: FigureUnit, edition: Edition): string {
  const sign = value < 0 ? '−' : '';
  const v = Math.abs(value);
  if (edition === 'zh') {
    const [pre, post] = unit === 'count' ? ['', ''] : (currency(unit)?.zh ?? ['', '']);
    const body = v >= 1e8 ? `${trim(v / 1e8, 2)} 亿` : v >= 1e4 ? `${trim(v / 1e4, 2)} 万` : trim(v, 2);
    return `${pre}${sign}${body}${post}`.trim();
  }
  const pre = unit === 'count' ? '' : (currency(unit)?.en ?? '');
  const body = v >= 1e9 ? `${trim(v / 1e9, 2)}bn` : v >= 1e6 ? `${trim(v / 1e6, 2)}m` : trim(v, 2);
  return `${sign}${pre}${body}`;
}

/** A growth rate: `+5%`, `−94%`. */
export function formatGrowth(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${trim(Math.abs(value), 2)}%`;
}

/** A figure's value with its qualifier: `>46m`, `约 2,342 亿元`, `+14% YoY`. */
export function formatFigure(f: Pick<Figure, 'value' | 'unit' | 'approx' | 'basis'>, edition: Edition): string {
  const t = FORMAT_UI[edition];
  const q = f.approx === 'more-than' ? t.moreThan : f.approx === 'about' ? t.about : f.approx === 'less-than' ? t.lessThan : '';
  // A percentage without a comparison basis is a ratio (a margin), not a growth rate.
  if (f.unit === '%' && !f.basis) return `${q}${f.value < 0 ? '−' : ''}${trim(Math.abs(f.value), 2)}%`;
  if (f.unit === '%') {
    const basis = f.basis === 'qoq' ? t.qoq : t.yoy;
    return t.basisFirst ? `${basis}${q}${formatGrowth(f.value)}` : `${q}${formatGrowth(f.value)}${basis}`;
  }
  if (f.unit === 'pp') return `${q}${formatGrowth(f.value).replace('%', t.pp)}`;
  return `${q}${formatAmount(f.value, f.unit, edition)}`;
}

/** A computed change: `+18.3%`, `−2.5 pp` / `−2.5 个百分点`. */
export function formatChange(change: { readonly unit: '%' | 'pp'; readonly value: number }, edition: Edition): string {
  const sign = change.value > 0 ? '+' : change.value < 0 ? '−' : '±';
  const n = trim(Math.abs(change.value), 1);
  return change.unit === '%' ? `${sign}${n}%` : `${sign}${n}${FORMAT_UI[edition].pp}`;
}
