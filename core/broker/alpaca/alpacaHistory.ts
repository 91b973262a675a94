import type { Bar, BarSeries } from '../../data/BarSeries';
import { seriesFromBars } from '../../data/seriesFromBars';
import type { AlpacaRest } from './alpacaRest';

const YEAR_MS = 365 * 86_400_000;

/** A daily bar's session date as UTC midnight: Alpaca stamps daily bars at midnight New York time. */
export function sessionTs(t: string): number {
  const ms = Date.parse(t);
  if (!Number.isFinite(ms)) throw new Error(`a daily bar from Alpaca has an unreadable time "${t}"`);
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/**
 * Daily bars of the last `years` years, a year per request (so progress shows), ascending and
 * de-duplicated. "Now" is the time of the latest bar Alpaca has (a replaying fake's market time),
 * else the local clock.
 */
export async function downloadDailyBars(
  rest: AlpacaRest,
  symbol: string,
  years: number,
  localNow: number,
  onProgress?: (done: number, total: number) => void,
): Promise<BarSeries> {
  if (!Number.isInteger(years) || years < 1) throw new Error(`years must be a whole number of at least 1, got ${years}`);
  const now = ((await rest.latestBarTime(symbol)) ?? localNow) + 1;
  const byTs = new Map<number, Bar>();
  for (let i = 0; i < years; i++) {
    const start = new Date(now - (years - i) * YEAR_MS);
    const end = new Date(now - (years - i - 1) * YEAR_MS);
    for (const b of await rest.dailyBars(symbol, start, end)) {
      const ts = sessionTs(b.t);
      byTs.set(ts, { ts, open: b.o, high: b.h, low: b.l, close: b.c, volume: b.v });
    }
    onProgress?.(i + 1, years);
  }
  const bars = [...byTs.values()].sort((a, b) => a.ts - b.ts);
  if (bars.length === 0) throw new Error(`Alpaca has no daily bars of ${symbol} for the last ${years} years`);
  return seriesFromBars(symbol, bars);
}
