import type Database from 'better-sqlite3';
import type { BarSeries } from '../../data/BarSeries';
import { SeriesExistsError } from '../../data/barStore/errors';
import { getBars } from '../../data/barStore/loadBars';
import { findSeries, writeSeries } from '../../data/barStore/seriesRepo';
import { normalizeSymbol } from '../../data/barStore/symbol';
import type { Timestamp } from '../../domain/order';
import type { HistoryChoice, HistoryDecisionDto, HistoryDownloadDto, HistoryResultDto } from '../../ipc/contract/trading';
import { ApiError } from '../../ipc/errors';
import { historyChanges } from './historyChanges';
import type { TradingBroker } from './tradingBroker';

const BAR_SIZE = '1d';

interface Pending {
  series: BarSeries;
  source: string;
}

/** The first symbol free in the store for keeping a download beside the stored series: GOOG:IB, GOOG:IB2, ... */
function keepBothSymbol(db: Database.Database, symbol: string, source: string): string | null {
  for (let n = 1; n < 100; n++) {
    let candidate: string;
    try {
      candidate = normalizeSymbol(`${symbol}:${source}${n === 1 ? '' : n}`);
    } catch {
      // Too long a symbol to carry a suffix: keeping both is not offered.
      return null;
    }
    if (findSeries(db, candidate, BAR_SIZE) === null) return candidate;
  }
  return null;
}

const resultOf = (info: { symbol: string; bars: number; firstTs: number; lastTs: number; source: string }): HistoryResultDto => ({
  symbol: info.symbol,
  bars: info.bars,
  firstTs: info.firstTs,
  lastTs: info.lastTs,
  source: info.source,
});

/**
 * "Download history" into the bar store, like an import: a symbol with no daily series gets one at
 * once; one that has a series is never replaced silently. The download waits here, with what
 * replacing would change, until the trader chooses: replace, keep both (the download under another
 * symbol), or cancel. A failed download or write leaves the store as it was.
 */
export class HistoryDownloads {
  /** Downloads waiting for the trader's choice, by symbol; a newer download of a symbol replaces its older one. */
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly db: Database.Database) {}

  async download(
    broker: TradingBroker,
    req: { symbol: string; years: number; at: Timestamp; source: string },
    onProgress: (done: number, total: number) => void,
  ): Promise<HistoryDownloadDto> {
    const symbol = normalizeSymbol(req.symbol);
    const series = await broker.downloadDailyHistory(symbol, { years: req.years }, onProgress);
    if (series.length === 0) throw new ApiError('NOT_FOUND', `the broker has no daily bars for ${symbol}`);
    const stored = findSeries(this.db, symbol, BAR_SIZE);
    if (stored === null) {
      this.pending.delete(symbol);
      const info = writeSeries(this.db, { ...series, symbol }, { barSize: BAR_SIZE, source: req.source, onExisting: 'refuse', importedAt: req.at });
      return { symbol, written: resultOf(info), decision: null };
    }
    this.pending.set(symbol, { series: { ...series, symbol }, source: req.source });
    return { symbol, written: null, decision: this.decision(symbol, series, req.source) };
  }

  /** What a download waiting for `symbol` would change, or null when none waits. */
  waiting(symbol: string): HistoryDecisionDto | null {
    const key = normalizeSymbol(symbol);
    const p = this.pending.get(key);
    return p ? this.decision(key, p.series, p.source) : null;
  }

  /** Carries out the trader's choice for the download waiting for `symbol`. */
  resolve(symbol: string, choice: HistoryChoice, at: Timestamp): HistoryDownloadDto {
    const key = normalizeSymbol(symbol);
    const p = this.pending.get(key);
    if (!p) throw new ApiError('NOT_FOUND', `no downloaded history of ${key} is waiting for a decision; download it again`);
    this.pending.delete(key);
    if (choice === 'cancel') return { symbol: key, written: null, decision: null };
    if (choice === 'replace') {
      const info = writeSeries(this.db, p.series, { barSize: BAR_SIZE, source: p.source, onExisting: 'replace', importedAt: at });
      return { symbol: key, written: resultOf(info), decision: null };
    }
    const other = keepBothSymbol(this.db, key, p.source.toUpperCase());
    if (other === null) throw new ApiError('CONFLICT', `${key} is too long a symbol to keep a second series beside it; replace or cancel`);
    try {
      const info = writeSeries(this.db, { ...p.series, symbol: other }, { barSize: BAR_SIZE, source: p.source, onExisting: 'refuse', importedAt: at });
      return { symbol: key, written: resultOf(info), decision: null };
    } catch (err) {
      if (err instanceof SeriesExistsError) throw new ApiError('CONFLICT', `${other} was stored meanwhile; download ${key} again`);
      throw err;
    }
  }

  private decision(symbol: string, series: BarSeries, source: string): HistoryDecisionDto {
    const info = findSeries(this.db, symbol, BAR_SIZE);
    if (info === null) throw new ApiError('NOT_FOUND', `${symbol} has no stored daily series any more; download it again`);
    const stored = getBars(this.db, symbol, BAR_SIZE);
    return {
      symbol,
      stored: { source: info.source, bars: info.bars, firstTs: info.firstTs, lastTs: info.lastTs, importedAt: info.importedAt },
      download: { source, bars: series.length, firstTs: series.ts[0], lastTs: series.ts[series.length - 1] },
      changes: historyChanges(stored, series),
      keepBothAs: keepBothSymbol(this.db, symbol, source.toUpperCase()),
    };
  }
}
