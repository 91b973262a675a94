/**
 * Axis ticks and labels. Time ticks are calendar-aligned (epoch ms, UTC): year, month or day
 * boundaries, so the equity and drawdown charts share the same gridlines and read like a trading
 * chart's; value labels are compact.
 */

import { withMinus } from '../common/format';

type Unit = 'year' | 'month' | 'day';
interface Step {
  unit: Unit;
  count: number;
  approxMs: number;
}

const DAY = 86_400_000;
const STEPS: readonly Step[] = [
  ...[1, 2, 7, 14].map((count) => ({ unit: 'day' as const, count, approxMs: count * DAY })),
  ...[1, 2, 3, 6].map((count) => ({ unit: 'month' as const, count, approxMs: count * 30.44 * DAY })),
  ...[1, 2, 5, 10, 20, 50, 100].map((count) => ({ unit: 'year' as const, count, approxMs: count * 365.25 * DAY })),
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface TimeAxis {
  ticks: number[];
  format: (ts: number) => string;
}

/** At most `maxTicks` calendar ticks inside [min, max], labelled for their step. */
export function timeAxis(min: number, max: number, maxTicks = 8): TimeAxis {
  if (!(max > min)) return { ticks: Number.isFinite(min) ? [min] : [], format: formatDay };
  const span = max - min;
  const step = STEPS.find((s) => span / s.approxMs <= maxTicks) ?? STEPS[STEPS.length - 1];
  const ticks = generate(min, max, step);
  const format = step.unit === 'year' ? formatYear : step.unit === 'month' ? formatMonth : formatDay;
  return { ticks, format };
}

function generate(min: number, max: number, step: Step): number[] {
  const start = new Date(min);
  const ticks: number[] = [];
  if (step.unit === 'year') {
    let y = Math.ceil(start.getUTCFullYear() / step.count) * step.count;
    for (let t = Date.UTC(y, 0, 1); t <= max; y += step.count, t = Date.UTC(y, 0, 1)) if (t >= min) ticks.push(t);
  } else if (step.unit === 'month') {
    let m = start.getUTCFullYear() * 12 + Math.ceil(start.getUTCMonth() / step.count) * step.count;
    for (let t = monthStart(m); t <= max; m += step.count, t = monthStart(m)) if (t >= min) ticks.push(t);
  } else {
    let d = Math.ceil(min / DAY / step.count) * step.count;
    for (let t = d * DAY; t <= max; d += step.count, t = d * DAY) ticks.push(t);
  }
  return ticks;
}

const monthStart = (monthIndex: number): number => Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1);

function formatYear(ts: number): string {
  return String(new Date(ts).getUTCFullYear());
}

/** January shows its year, other months their name: the year boundary stands out as on a price chart. */
function formatMonth(ts: number): string {
  const d = new Date(ts);
  return d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : MONTHS[d.getUTCMonth()];
}

function formatDay(ts: number): string {
  const d = new Date(ts);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** Axis labels for money: 950, 12.5k, 1.2M, 3B. */
export function fmtCompact(v: number): string {
  const abs = Math.abs(v);
  const [div, suffix] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'k'] : [1, ''];
  const scaled = v / div;
  const digits = Math.abs(scaled) >= 100 || div === 1 ? 0 : 1;
  return withMinus(`${Number(scaled.toFixed(digits))}${suffix}`);
}

/** Axis labels for percent values: −12%, 3.5%. */
export function fmtAxisPct(v: number): string {
  return withMinus(`${Number(v.toFixed(Math.abs(v) >= 10 || Number.isInteger(v) ? 0 : 1))}%`);
}
