import { setTimeout as sleep } from 'node:timers/promises';
import { BarSizeSetting } from '@stoqey/ib';
import type { Bar, BarSeries } from '../../../data/BarSeries';
import { seriesFromBars } from '../../../data/seriesFromBars';
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
    const cfg = this.d.config;
    for (let attempt = 0; ; attempt++) {
      const scope = this.d.scope();
      if (!scope) throw new Error(`cannot download ${inst.symbol}: not connected to TWS`);
      const reqId = this.d.reqIds.take();
      try {
        const rows = await scope.collect({
          what: `downloading ${inst.symbol} daily bars`,
          send: (api) => api.reqHistoricalData(reqId, stockContract(inst), end, '1 Y', BarSizeSetting.DAYS_ONE, 'TRADES', 1, 1, false),
          row: 'historicalBar',
          rowMatch: (b) => b.reqId === reqId,
          end: 'historicalEnd',
          endMatch: (id) => id === reqId,
          failOn: (n) => n.id === reqId && !isWarningCode(n.code),
          timeoutMs: cfg.timeoutMs,
        });
        return rows.flatMap((r) => {
          const ts = parseBarDate(r.time);
          return Number.isNaN(ts) ? [] : [{ ts, open: r.open, high: r.high, low: r.low, close: r.close, volume: Math.max(0, r.volume) }];
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
