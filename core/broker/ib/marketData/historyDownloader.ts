import { setTimeout as sleep } from 'node:timers/promises';
import { BarSizeSetting } from '@stoqey/ib';
import type { Bar, BarSeries } from '../../../data/BarSeries';
import { seriesFromBars } from '../../../data/seriesFromBars';
import { streamedBuckets } from '../../../data/streamedBuckets';
import { IbRequestError, type SessionScope } from '../connection/sessionScope';
import type { RequestIds } from '../orders/idAllocator';
import { parseBarDate, ibUtcDateTime } from '../parsing/ibTime';
import { stockContract, type IbInstrument } from '../parsing/ibOrders';
import type { IbLogEntry } from '../types';
import { isWarningCode, type ContractRegistry } from './contracts';

export interface HistoryConfig {
  /** First wait after a pacing violation (162); doubles per retry. IB asks for 15 s between identical requests. */
  pacingBackoffMs: number;
  maxPacingRetries: number;
  timeoutMs: number;
}

export interface HistoryDeps {
  scope: () => SessionScope | null;
  contracts: ContractRegistry;
  reqIds: RequestIds;
  config: HistoryConfig;
  log: (level: IbLogEntry['level'], text: string, id?: number) => void;
}

const DAY_MS = 86_400_000;

interface IntradaySize {
  seconds: number;
  setting: BarSizeSetting;
  /** How far back one request reaches: about as far as IB serves bars of this size in one answer. */
  window: string;
  windowMs: number;
}

const size = (seconds: number, setting: BarSizeSetting, window: string, windowMs: number): IntradaySize => ({ seconds, setting, window, windowMs });
const HOUR_MS = 3_600_000;
/** IB's intraday bar sizes, largest first. */
const IB_INTRADAY_SIZES: readonly IntradaySize[] = [
  size(28_800, BarSizeSetting.HOURS_EIGHT, '1 M', 30 * DAY_MS),
  size(14_400, BarSizeSetting.HOURS_FOUR, '1 M', 30 * DAY_MS),
  size(10_800, BarSizeSetting.HOURS_THREE, '1 M', 30 * DAY_MS),
  size(7_200, BarSizeSetting.HOURS_TWO, '1 M', 30 * DAY_MS),
  size(3_600, BarSizeSetting.HOURS_ONE, '1 M', 30 * DAY_MS),
  size(1_800, BarSizeSetting.MINUTES_THIRTY, '1 W', 7 * DAY_MS),
  size(1_200, BarSizeSetting.MINUTES_TWENTY, '1 W', 7 * DAY_MS),
  size(900, BarSizeSetting.MINUTES_FIFTEEN, '1 W', 7 * DAY_MS),
  size(600, BarSizeSetting.MINUTES_TEN, '1 W', 7 * DAY_MS),
  size(300, BarSizeSetting.MINUTES_FIVE, '1 W', 7 * DAY_MS),
  size(180, BarSizeSetting.MINUTES_THREE, '2 D', 2 * DAY_MS),
  size(120, BarSizeSetting.MINUTES_TWO, '2 D', 2 * DAY_MS),
  size(60, BarSizeSetting.MINUTES_ONE, '1 D', DAY_MS),
  size(30, BarSizeSetting.SECONDS_THIRTY, '28800 S', 8 * HOUR_MS),
  size(15, BarSizeSetting.SECONDS_FIFTEEN, '14400 S', 4 * HOUR_MS),
  size(10, BarSizeSetting.SECONDS_TEN, '14400 S', 4 * HOUR_MS),
  size(5, BarSizeSetting.SECONDS_FIVE, '3600 S', HOUR_MS),
];
/**
 * Requests one intraday download makes at most (IB paces historical requests at 60 per 10 minutes), and the
 * empty answers in a row that end it: nights and weekends answer nothing and are walked past, a longer silence
 * is the start of the instrument's history (or of what IB keeps of it).
 */
const MAX_INTRADAY_WINDOWS = 12;
const MAX_EMPTY_WINDOWS = 4;

/**
 * Daily bars from IB, a year per request walking back from today, for the bar store. Requests are
 * serialized (one at a time across all downloads, as IB's historical data pacing wants), and a
 * pacing violation (162) waits and asks again. IB also answers "no data" with 162: only the text
 * tells them apart (HMDS texts are English), so a 162 that is not about pacing ends the walk back.
 */
export class HistoryDownloader {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly d: HistoryDeps) {}

  download(symbol: string, years: number, onProgress?: (done: number, total: number) => void): Promise<BarSeries> {
    if (!Number.isInteger(years) || years < 1) return Promise.reject(new RangeError(`years must be a positive integer, got ${years}`));
    const job = this.queue.then(() => this.run(symbol, years, onProgress));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async run(symbol: string, years: number, onProgress?: (done: number, total: number) => void): Promise<BarSeries> {
    const inst = await this.d.contracts.qualify(symbol);
    const bars = new Map<number, Bar>();
    let end = '';
    for (let chunk = 0; chunk < years; chunk++) {
      const rows = await this.chunk(inst, end, chunk === 0);
      const oldestBefore = bars.size === 0 ? Number.POSITIVE_INFINITY : Math.min(...bars.keys());
      for (const b of rows) bars.set(b.ts, b);
      onProgress?.(chunk + 1, years);
      const oldest = bars.size === 0 ? Number.POSITIVE_INFINITY : Math.min(...bars.keys());
      // Nothing older came back: the instrument's history starts here.
      if (rows.length === 0 || oldest >= oldestBefore) break;
      end = ibUtcDateTime(oldest - DAY_MS);
    }
    if (bars.size === 0) throw new Error(`IB has no daily bars for ${symbol}`);
    return seriesFromBars(symbol, [...bars.values()].sort((a, b) => a.ts - b.ts));
  }

  /** One year of bars ending at `end` ('' = now); [] when IB has none that far back. */
  private async chunk(inst: IbInstrument, end: string, first: boolean): Promise<Bar[]> {
    const rows = await this.request(inst, 'daily', { end, duration: '1 Y', barSize: BarSizeSetting.DAYS_ONE, useRth: 1, formatDate: 1 }, first);
    return rows.flatMap((r) => {
      const ts = parseBarDate(r.time);
      return Number.isNaN(ts) ? [] : [bar(ts, r)];
    });
  }

  /**
   * The last `bars` completed bars of `barSeconds` up to `now` (all hours, as the real-time bars a session forms
   * its bars from), stamped at their start: fetched at the largest IB bar size dividing `barSeconds`, a window at
   * a time walking back, and folded as the live session folds its stream. Fewer when IB has fewer.
   */
  downloadIntraday(symbol: string, barSeconds: number, bars: number, now: number): Promise<BarSeries> {
    const size = IB_INTRADAY_SIZES.find((z) => barSeconds % z.seconds === 0 && z.seconds <= barSeconds);
    if (!(barSeconds > 0 && barSeconds < DAY_MS / 1000) || size === undefined) {
      return Promise.reject(new RangeError(`IB has no bars to build ${barSeconds} s bars from: the size must be a multiple of 5 s below a day`));
    }
    if (!Number.isInteger(bars) || bars < 1) return Promise.reject(new RangeError(`bars must be a positive integer, got ${bars}`));
    const job = this.queue.then(() => this.runIntraday(symbol, barSeconds, bars, now, size));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async runIntraday(symbol: string, barSeconds: number, wanted: number, now: number, size: IntradaySize): Promise<BarSeries> {
    const inst = await this.d.contracts.qualify(symbol);
    const fetched = new Map<number, Bar>();
    // The first request ends now ('' asks TWS for its own now); later ones end where the previous one began.
    let endMs: number | null = null;
    let oldest = Number.POSITIVE_INFINITY;
    let folded: Bar[] = [];
    let empty = 0;
    for (let w = 0; w < MAX_INTRADAY_WINDOWS && folded.length < wanted && empty < MAX_EMPTY_WINDOWS; w++) {
      const end = endMs === null ? '' : ibUtcDateTime(endMs);
      const rows = await this.request(inst, size.setting, { end, duration: size.window, barSize: size.setting, useRth: 0, formatDate: 2 }, false);
      const before = oldest;
      for (const r of rows) {
        const ts = Number(r.time) * 1000;
        if (!Number.isFinite(ts)) continue;
        fetched.set(ts, bar(ts, r));
        oldest = Math.min(oldest, ts);
      }
      // A window with nothing older (a night, a weekend) moves back by its own length.
      const older = oldest < before;
      empty = older ? 0 : empty + 1;
      endMs = older ? oldest : (endMs ?? now) - size.windowMs;
      folded = streamedBuckets([...fetched.values()].sort((a, b) => a.ts - b.ts), barSeconds, now);
    }
    if (folded.length === 0) throw new Error(`IB has no ${size.setting} bars for ${symbol} before ${new Date(now).toISOString()}`);
    return seriesFromBars(symbol, folded.slice(-wanted), barSeconds);
  }

  /** One historical data request, retried after pacing violations; [] when IB has no data for it (unless `first`, then it throws). */
  private async request(inst: IbInstrument, what: string, q: { end: string; duration: string; barSize: BarSizeSetting; useRth: number; formatDate: number }, first: boolean): Promise<{ time: string; open: number; high: number; low: number; close: number; volume: number }[]> {
    const cfg = this.d.config;
    for (let attempt = 0; ; attempt++) {
      const scope = this.d.scope();
      if (!scope) throw new Error(`cannot download ${inst.symbol}: not connected to TWS`);
      const reqId = this.d.reqIds.take();
      try {
        return await scope.collect({
          what: `downloading ${inst.symbol} ${what} bars`,
          send: (api) => api.reqHistoricalData(reqId, stockContract(inst), q.end, q.duration, q.barSize, 'TRADES', q.useRth, q.formatDate, false),
          row: 'historicalBar',
          rowMatch: (b) => b.reqId === reqId,
          end: 'historicalEnd',
          endMatch: (id) => id === reqId,
          failOn: (n) => n.id === reqId && !isWarningCode(n.code),
          timeoutMs: cfg.timeoutMs,
        });
      } catch (err) {
        if (!(err instanceof IbRequestError) || err.code !== 162) throw err;
        if (!/pacing/i.test(err.text)) {
          if (first) throw err;
          return [];
        }
        if (attempt >= cfg.maxPacingRetries) throw err;
        const wait = cfg.pacingBackoffMs * 2 ** attempt;
        this.d.log('warning', `historical data pacing violation for ${inst.symbol} (162): retrying in ${(wait / 1000).toFixed(1)} s`, reqId);
        await sleep(wait);
      }
    }
  }
}

function bar(ts: number, r: { open: number; high: number; low: number; close: number; volume: number }): Bar {
  return { ts, open: r.open, high: r.high, low: r.low, close: r.close, volume: Math.max(0, r.volume) };
}
