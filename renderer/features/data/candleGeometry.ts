import { timeAxis } from '../../components/charts/timeAxis';

/**
 * The candlestick chart's geometry, in SVG pixels. Candles sit in equal slots by index, as on a trading
 * chart (no empty space for nights and weekends); the price panel and the volume panel below it share
 * the slots, so a candle and its volume bar line up exactly.
 */

export interface Candle {
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface ChartFrame {
  /** Plot area, left to right (the price axis sits to its right). */
  left: number;
  right: number;
  priceTop: number;
  priceBottom: number;
  volumeTop: number;
  volumeBottom: number;
}

export interface CandleShape {
  /** Centre of the candle's slot. */
  x: number;
  bodyX: number;
  bodyWidth: number;
  bodyTop: number;
  bodyHeight: number;
  wickTop: number;
  wickBottom: number;
  /** Close at or above open. */
  up: boolean;
  volumeTop: number;
  volumeHeight: number;
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Lowest low to highest high, widened by `pad` of the span on each side (a flat series gets ±1 %). */
export function priceDomain(candles: readonly Candle[], pad = 0.04): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of candles) {
    if (c.low < lo) lo = c.low;
    if (c.high > hi) hi = c.high;
  }
  if (!(hi >= lo)) return [0, 1];
  const span = hi - lo || Math.abs(hi) * 0.02 || 1;
  return [lo - span * pad, hi + span * pad];
}

/** A round step (1, 2, 2.5 or 5 times a power of ten) giving at most about `count` ticks over [lo, hi]. */
export function niceStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  if (!(raw > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const mult = [1, 2, 2.5, 5, 10].find((m) => m * pow >= raw) ?? 10;
  return mult * pow;
}

/** Multiples of niceStep inside [lo, hi]. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  const step = niceStep(lo, hi, count);
  const ticks: number[] = [];
  for (let i = Math.ceil(lo / step); i * step <= hi; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Decimals a tick label needs for a step: 0 for 10, 1 for 2.5, 2 for 0.05. */
export function stepDecimals(step: number): number {
  for (let d = 0; d < 8; d++) {
    if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  }
  return 8;
}

/** Width of one candle's slot. */
export const slotWidth = (frame: ChartFrame, n: number): number => (n > 0 ? (frame.right - frame.left) / n : 0);

/** The slot under a pointer x, or null outside the plot. */
export function indexAt(frame: ChartFrame, n: number, x: number): number | null {
  if (n === 0 || x < frame.left || x >= frame.right) return null;
  return Math.min(n - 1, Math.floor((x - frame.left) / slotWidth(frame, n)));
}

/** Every candle's body, wick and volume bar. Bodies are at least 1px tall and wide so a doji still shows. */
export function layoutCandles(candles: readonly Candle[], frame: ChartFrame, domain: [number, number]): CandleShape[] {
  const n = candles.length;
  const slot = slotWidth(frame, n);
  const bodyWidth = Math.max(1, slot > 3 ? slot * 0.7 : slot - 0.5);
  const y = linearScale(domain[0], domain[1], frame.priceBottom, frame.priceTop);
  let maxVolume = 0;
  for (const c of candles) if (c.volume > maxVolume) maxVolume = c.volume;
  const vy = linearScale(0, maxVolume || 1, frame.volumeBottom, frame.volumeTop);
  return candles.map((c, i) => {
    const x = frame.left + (i + 0.5) * slot;
    const yOpen = y(c.open);
    const yClose = y(c.close);
    const bodyTop = Math.min(yOpen, yClose);
    const volumeTop = vy(Math.max(0, c.volume));
    return {
      x,
      bodyX: x - bodyWidth / 2,
      bodyWidth,
      bodyTop,
      bodyHeight: Math.max(1, Math.abs(yClose - yOpen)),
      wickTop: y(c.high),
      wickBottom: y(c.low),
      up: c.close >= c.open,
      volumeTop,
      volumeHeight: frame.volumeBottom - volumeTop,
    };
  });
}

export interface TimeTick {
  /** Index of the first candle at or after the tick's calendar boundary. */
  index: number;
  label: string;
}

/**
 * Calendar ticks (years, months or days, as the price charts use) placed on the first candle of each
 * period. Within a single day (intraday), evenly spaced candles labelled with their UTC time.
 */
export function timeTicks(stamps: readonly number[], maxTicks: number): TimeTick[] {
  const n = stamps.length;
  if (n === 0) return [];
  const axis = timeAxis(stamps[0], stamps[n - 1], maxTicks);
  const out: TimeTick[] = [];
  let i = 0;
  for (const t of axis.ticks) {
    while (i < n && stamps[i] < t) i++;
    if (i >= n) break;
    if (out.length === 0 || out[out.length - 1].index !== i) out.push({ index: i, label: axis.format(t) });
  }
  if (out.length >= 2) return out;
  const every = Math.max(1, Math.ceil(n / Math.max(1, maxTicks)));
  const hm = (ts: number): string => new Date(ts).toISOString().slice(11, 16);
  return Array.from({ length: Math.ceil(n / every) }, (_, k) => ({ index: k * every, label: hm(stamps[k * every]) }));
}
