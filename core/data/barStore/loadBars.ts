import type Database from 'better-sqlite3';
import type { BarSeries } from '../BarSeries';
import { sliceSeries } from '../calendar';
import { canonicalBarSize } from './barSizeOf';
import { decodeChunkInto } from './chunkCodec';
import { SeriesNotFoundError } from './errors';
import { findSeries } from './seriesRepo';
import { SERIES_COLUMNS, seriesInfoFromRow, type SeriesInfo, type SeriesRow } from './seriesInfo';
import { normalizeSymbol } from './symbol';

interface ChunkRow {
  bars: number;
  data: Buffer;
}

/**
 * Loads series of one bar size into typed arrays, in the order of `symbols` (null: every series of that bar
 * size, by symbol). Throws SeriesNotFoundError naming every symbol that has no such series.
 */
export function loadSeries(db: Database.Database, symbols: readonly string[] | null, barSize: string): BarSeries[] {
  const infos = symbols === null ? allOfSize(db, barSize) : namedOfSize(db, symbols, barSize);
  const chunks = db.prepare('SELECT bars, data FROM bar_chunks WHERE series = ? ORDER BY first_ts');
  return db.transaction(() => infos.map((info) => readSeries(chunks, info, null, null)))();
}

/**
 * The bars of one series stamped within [from, to] (inclusive; either bound may be left out), reading only
 * the chunks that overlap the range. Throws SeriesNotFoundError when the series is not stored.
 */
export function getBars(db: Database.Database, symbol: string, barSize: string, from?: number, to?: number): BarSeries {
  const info = findSeries(db, symbol, barSize);
  if (info === null) throw new SeriesNotFoundError([normalizeSymbol(symbol)], barSize);
  const lo = from ?? -Infinity;
  const hi = to ?? Infinity;
  const chunks = db.prepare(
    'SELECT bars, data FROM bar_chunks WHERE series = ? AND last_ts >= ? AND first_ts <= ? ORDER BY first_ts',
  );
  const whole = readSeries(chunks, info, lo, hi);
  return sliceSeries(whole, lo, hi);
}

/** Decodes the chunks a statement selects (by series id, optionally by range) into one series. */
function readSeries(chunks: Database.Statement, info: SeriesInfo, lo: number | null, hi: number | null): BarSeries {
  const rows = (lo === null ? chunks.all(info.id) : chunks.all(info.id, bound(lo), bound(hi ?? Infinity))) as ChunkRow[];
  let length = 0;
  for (const r of rows) length += r.bars;
  const column = (): Float64Array => new Float64Array(length);
  const series: BarSeries = {
    symbol: info.symbol,
    barSeconds: info.barSeconds,
    length,
    ts: column(),
    open: column(),
    high: column(),
    low: column(),
    close: column(),
    volume: column(),
    ...(info.hasAdjClose ? { adjClose: column() } : {}),
  };
  let at = 0;
  for (const r of rows) {
    decodeChunkInto(r.data, r.bars, series, at);
    at += r.bars;
  }
  return series;
}

/** SQLite compares INTEGER stamps with REAL bounds correctly, but cannot bind an infinity: clamp to the int64 range. */
function bound(ts: number): number {
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, ts));
}

function allOfSize(db: Database.Database, barSize: string): SeriesInfo[] {
  const rows = db.prepare(`SELECT ${SERIES_COLUMNS} FROM bar_series WHERE bar_size = ? ORDER BY symbol`).all(canonicalBarSize(barSize)) as SeriesRow[];
  return rows.map(seriesInfoFromRow);
}

function namedOfSize(db: Database.Database, symbols: readonly string[], barSize: string): SeriesInfo[] {
  const found: SeriesInfo[] = [];
  const missing: string[] = [];
  for (const raw of symbols) {
    const info = findSeries(db, raw, barSize);
    if (info === null) missing.push(normalizeSymbol(raw));
    else found.push(info);
  }
  if (missing.length > 0) throw new SeriesNotFoundError(missing, barSize);
  return found;
}
