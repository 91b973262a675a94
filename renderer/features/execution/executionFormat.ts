import type { ExecutionAnalyticsDto } from '../../../core/ipc/contract/execution';
import { EMPTY, fmtInt, fmtNumber, fmtPct, MINUS } from '../../components/common/format';

type Num = number | null | undefined;
const isNum = (v: Num): v is number => typeof v === 'number' && Number.isFinite(v);

/** Slippage in basis points with its sign (positive costs the trader): +3.2 bps / −1.5 bps; one that rounds to zero has none. */
export function fmtBps(v: Num, digits = 1): string {
  if (!isNum(v)) return EMPTY;
  const body = fmtNumber(Math.abs(v), digits);
  const sign = /[1-9]/.test(body) ? (v > 0 ? '+' : MINUS) : '';
  return `${sign}${body} bps`;
}

/** 'neg' for a cost (positive bps), 'pos' for an improvement, '' for none or unknown: the colour of a slippage figure. */
export function bpsTone(v: Num): 'pos' | 'neg' | '' {
  if (!isNum(v) || Math.abs(v) < 0.05) return '';
  return v > 0 ? 'neg' : 'pos';
}

/** A fraction (0..1) as a percent: 0.875 → 87.5 % */
export const fmtRate = (v: Num): string => (isNum(v) ? fmtPct(v * 100, 1) : EMPTY);

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A wait, two units at most, up to days (a backtest's order waits sessions): 0 ms, 850 ms, 42 s,
 * 3 m 05 s, 2 h 07 m, 1 d 00 h, 12 d. A broker stamps its fills to the second (IB's execution
 * time), so a fill within the second of the order can come out up to a second before it: "< 1 s".
 */
export function fmtWait(ms: Num): string {
  if (!isNum(ms) || ms <= -1000) return EMPTY;
  if (ms < 0) return '< 1 s';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} m ${pad(s % 60)} s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${pad(m % 60)} m`;
  const d = Math.floor(h / 24);
  return d < 10 ? `${d} d ${pad(h % 24)} h` : `${fmtInt(d)} d`;
}

export type SlippageSeries = 'arrival' | 'reference';

export const SERIES_LABEL: Record<SlippageSeries, string> = { arrival: 'vs arrival', reference: 'vs reference' };

/** What each benchmark is, for the tiles' and toggle's tooltips. */
export const SERIES_HINT: Record<SlippageSeries, string> = {
  arrival: 'Against the price when the order was decided (a backtest’s or session’s decision close, the last price at a ticket’s click). Positive: worse for the trader.',
  reference: 'Against the reference quote (the simulator’s quoted price in a backtest, the broker’s quote when the order was sent). Positive: worse for the trader.',
};

export const statsOf = (a: ExecutionAnalyticsDto, series: SlippageSeries) => (series === 'arrival' ? a.vsArrival : a.vsReference);

const plural = (n: number, one: string, many = `${one}s`): string => `${fmtInt(n)} ${n === 1 ? one : many}`;

/** Why some figures show "—": no orders, none filled, fills without an arrival price or a reference quote. */
export function executionNotes(a: ExecutionAnalyticsDto): string[] {
  if (a.orders === 0) return ['No orders yet: fill rate, time to fill and slippage appear once orders are placed.'];
  if (a.filled === 0) return [`None of the ${plural(a.orders, 'order')} has filled: there is no fill to measure slippage or time to fill on.`];
  const notes: string[] = [];
  const arrivalGap = a.filled - a.vsArrival.count;
  if (a.vsArrival.count === 0) notes.push('No filled order has an arrival (decision) price: no slippage vs arrival and no implementation shortfall.');
  else if (arrivalGap > 0) notes.push(`${plural(arrivalGap, 'filled order')} without an arrival price ${arrivalGap === 1 ? 'is' : 'are'} left out of the figures vs arrival.`);
  const referenceGap = a.filled - a.vsReference.count;
  if (a.vsReference.count === 0) notes.push('No filled order has a reference quote: no slippage vs reference.');
  else if (referenceGap > 0) notes.push(`${plural(referenceGap, 'filled order')} without a reference quote ${referenceGap === 1 ? 'is' : 'are'} left out of the figures vs reference.`);
  return notes;
}
