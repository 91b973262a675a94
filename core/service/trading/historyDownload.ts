import type Database from 'better-sqlite3';
import { writeSeries } from '../../data/barStore/seriesRepo';
import type { Timestamp } from '../../domain/order';
import { ApiError } from '../../ipc/errors';
import type { TradingBroker } from './tradingBroker';

export interface HistoryResult {
  symbol: string;
  bars: number;
  firstTs: Timestamp;
  lastTs: Timestamp;
}

/**
 * Downloads a symbol's daily bars from the broker and stores them as its daily series, replacing
 * an earlier one in the same transaction (a failed download leaves the store as it was).
 */
export async function downloadHistoryToStore(
  db: Database.Database,
  broker: TradingBroker,
  req: { symbol: string; years: number; at: Timestamp },
  onProgress: (done: number, total: number) => void,
): Promise<HistoryResult> {
  const series = await broker.downloadDailyHistory(req.symbol, { years: req.years }, onProgress);
  if (series.length === 0) throw new ApiError('NOT_FOUND', `the broker has no daily bars for ${req.symbol}`);
  const info = writeSeries(db, series, { barSize: '1d', source: 'ib', onExisting: 'replace', importedAt: req.at });
  return { symbol: info.symbol, bars: info.bars, firstTs: info.firstTs, lastTs: info.lastTs };
}
