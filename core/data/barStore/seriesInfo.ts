/** One stored series and its coverage, as listed by the store (no bars). */
export interface SeriesInfo {
  id: number;
  symbol: string;
  /** '1d', '1m', '1w', '1mo', ... or 'tick'. */
  barSize: string;
  /** Median step in seconds (BarSeries.barSeconds). */
  barSeconds: number;
  /** Import format (yahoo, stooq, backtrader, generic, ib) or 'synthetic'. */
  source: string;
  fileName: string | null;
  /** Epoch ms. */
  importedAt: number;
  fingerprint: string;
  firstTs: number;
  lastTs: number;
  bars: number;
  /** Missing bars as core/data/barStore/gaps.ts defines them. */
  gaps: number;
  hasAdjClose: boolean;
}

export interface SeriesRow {
  id: number;
  symbol: string;
  bar_size: string;
  bar_seconds: number;
  source: string;
  file_name: string | null;
  imported_at: number;
  fingerprint: string;
  first_ts: number;
  last_ts: number;
  bar_count: number;
  gaps: number;
  has_adj_close: number;
}

export const SERIES_COLUMNS =
  'id, symbol, bar_size, bar_seconds, source, file_name, imported_at, fingerprint, first_ts, last_ts, bar_count, gaps, has_adj_close';

export function seriesInfoFromRow(r: SeriesRow): SeriesInfo {
  return {
    id: r.id,
    symbol: r.symbol,
    barSize: r.bar_size,
    barSeconds: r.bar_seconds,
    source: r.source,
    fileName: r.file_name,
    importedAt: r.imported_at,
    fingerprint: r.fingerprint,
    firstTs: r.first_ts,
    lastTs: r.last_ts,
    bars: r.bar_count,
    gaps: r.gaps,
    hasAdjClose: r.has_adj_close === 1,
  };
}
