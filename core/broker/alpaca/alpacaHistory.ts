import type { Bar, BarSeries } from '../../data/BarSeries';
import { seriesFromBars } from '../../data/seriesFromBars';
import { streamedBuckets } from '../../data/streamedBuckets';
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

const DAY_SECONDS = 86_400;
/** Windows one intraday download asks for at most. */
const MAX_INTRADAY_WINDOWS = 30;
/** Hours a day Alpaca has bars in (extended hours, 04:00 to 20:00 New York). */
const TRADING_HOURS_PER_DAY = 16;

/**
 * The largest of Alpaca's intraday timeframes ([1-23]Hour, [1-59]Min) that divides `barSeconds`, and its
 * length; null when none does (under a minute, or not whole minutes).
 */
export function alpacaTimeframe(barSeconds: number): { timeframe: string; seconds: number } | null {
  for (let h = 23; h >= 1; h--) if (barSeconds % (h * 3600) === 0) return { timeframe: `${h}Hour`, seconds: h * 3600 };
  for (let m = 59; m >= 1; m--) if (barSeconds % (m * 60) === 0) return { timeframe: `${m}Min`, seconds: m * 60 };
  return null;
}

/**
 * The last `bars` completed bars of `barSeconds` (all hours), stamped at their start and folded as a live
 * session folds Alpaca's stream, ascending; fewer when Alpaca has fewer. Fetched at the largest Alpaca
 * timeframe dividing the size, a window at a time walking back from "now": the end of the latest minute bar
 * Alpaca has (a replaying fake's market time), never past the local clock (a minute still forming).
 */
export async function downloadIntradayBars(rest: AlpacaRest, symbol: string, barSeconds: number, bars: number, localNow: number): Promise<BarSeries> {
  if (!Number.isInteger(barSeconds) || barSeconds <= 0 || barSeconds >= DAY_SECONDS || DAY_SECONDS % barSeconds !== 0) {
    throw new Error(`an intraday bar size must be a whole number of seconds under a day that divides it, got ${barSeconds} s`);
  }
  const frame = alpacaTimeframe(barSeconds);
  if (frame === null) throw new Error(`Alpaca cannot build ${barSeconds} s bars: its bars are whole minutes, at least one`);
  if (!Number.isInteger(bars) || bars < 1) throw new Error(`bars must be a positive integer, got ${bars}`);

  // Alpaca's latest bar is a minute bar: the buckets it closes are complete.
  const latest = await rest.latestBarTime(symbol);
  const completeBy = latest === null ? localNow : Math.min(localNow, latest + 60_000);
  const size = barSeconds * 1000;
  // Windows start on bucket boundaries, so a window never holds part of a bucket whose rest is older.
  const top = Math.floor(completeBy / size) * size;
  // About twice the calendar days the bars need (weekends included), at least a week so no window falls
  // wholly on a weekend or holiday (an empty window is the start of what Alpaca has), at most ten years.
  const days = Math.min(3_650, Math.max(7, Math.ceil(((2 * bars * barSeconds) / (TRADING_HOURS_PER_DAY * 3600)) * (7 / 5))));
  const windowMs = days * DAY_SECONDS * 1000;
  const byTs = new Map<number, Bar>();
  let folded: Bar[] = [];
  for (let w = 0; w < MAX_INTRADAY_WINDOWS && folded.length < bars; w++) {
    const end = top - w * windowMs;
    // Alpaca's end is inclusive: a bar at `end` belongs to the newer window.
    const got = await rest.intradayBars(symbol, frame.timeframe, new Date(end - windowMs), new Date(end - 1));
    if (got.length === 0) break;
    for (const b of got) {
      const ts = Date.parse(b.t);
      if (!Number.isFinite(ts)) throw new Error(`a ${frame.timeframe} bar of ${symbol} from Alpaca has an unreadable time "${b.t}"`);
      // Folding assumes Alpaca's bars start on the epoch-aligned grid of their timeframe, as the session's buckets do.
      if (ts % (frame.seconds * 1000) !== 0) throw new Error(`a ${frame.timeframe} bar of ${symbol} from Alpaca starts off its timeframe's grid, at ${b.t}`);
      byTs.set(ts, { ts, open: b.o, high: b.h, low: b.l, close: b.c, volume: b.v });
    }
    folded = streamedBuckets([...byTs.values()].sort((a, b) => a.ts - b.ts), barSeconds, completeBy);
  }
  if (folded.length === 0) throw new Error(`Alpaca has no ${frame.timeframe} bars of ${symbol} before ${new Date(completeBy).toISOString()}`);
  return seriesFromBars(symbol, folded.slice(-bars), barSeconds);
}
