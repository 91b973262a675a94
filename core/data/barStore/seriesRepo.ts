import type Database from 'better-sqlite3';
import type { BarSeries } from '../BarSeries';
import { dataFingerprint } from '../fingerprint';
import { barSizeSeconds, parseBarSize } from '../resample';
import { canonicalBarSize, IRREGULAR_BAR_SIZE } from './barSizeOf';
import { CHUNK_BARS, encodeChunk } from './chunkCodec';
import { SeriesExistsError } from './errors';
import { findGaps } from './gaps';
import { ensureInstrument } from './instruments';
import { SERIES_COLUMNS, seriesInfoFromRow, type SeriesInfo, type SeriesRow } from './seriesInfo';
import { normalizeSymbol } from './symbol';

export interface WriteSeriesOptions {
  /** '1d', '5m', ... as barSizeOf gives it, or 'tick'. */
  barSize: string;
  /** Import format or 'synthetic'. */
  source: string;
  fileName?: string | null;
  /** What to do when the symbol already has a series of this bar size: swap it in the same transaction, or throw SeriesExistsError. */
  onExisting: 'replace' | 'refuse';
  /** Epoch ms; default now. */
  importedAt?: number;
}

/**
 * Stores a series (symbol normalised, see normalizeSymbol) in one transaction: its coverage row, its chunks
 * and, if the symbol is new, an instruments row with defaults. Either all of it is written or nothing is;
 * a replaced series is swapped whole, so a reader never sees a mix of old and new bars.
 */
export function writeSeries(db: Database.Database, series: BarSeries, opts: WriteSeriesOptions): SeriesInfo {
  const symbol = normalizeSymbol(series.symbol);
  const barSize = canonicalBarSize(opts.barSize);
  checkAscending(series, symbol, barSize);
  const n = series.length;
  const info: Omit<SeriesInfo, 'id'> = {
    symbol,
    barSize,
    barSeconds: series.barSeconds,
    source: opts.source,
    fileName: opts.fileName ?? null,
    importedAt: opts.importedAt ?? Date.now(),
    fingerprint: dataFingerprint([{ ...series, symbol }]),
    firstTs: series.ts[0],
    lastTs: series.ts[n - 1],
    bars: n,
    gaps: findGaps(series, barSize).missing,
    hasAdjClose: series.adjClose !== undefined,
  };
  const insertChunk = db.prepare('INSERT INTO bar_chunks (series, first_ts, last_ts, bars, data) VALUES (?, ?, ?, ?, ?)');
  return db.transaction((): SeriesInfo => {
    const existing = findSeries(db, symbol, barSize);
    if (existing !== null) {
      if (opts.onExisting === 'refuse') throw new SeriesExistsError(existing);
      removeSeries(db, existing.id);
    }
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO bar_series (symbol, bar_size, bar_seconds, source, file_name, imported_at, fingerprint,
           first_ts, last_ts, bar_count, gaps, has_adj_close)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        info.symbol,
        info.barSize,
        info.barSeconds,
        info.source,
        info.fileName,
        info.importedAt,
        info.fingerprint,
        info.firstTs,
        info.lastTs,
        info.bars,
        info.gaps,
        info.hasAdjClose ? 1 : 0,
      );
    const id = Number(lastInsertRowid);
    for (let from = 0, to = 0; from < n; from = to) {
      to = Math.min(n, from + CHUNK_BARS);
      // Ticks sharing a stamp stay in one chunk: chunks are keyed by their first stamp.
      while (to < n && series.ts[to] === series.ts[to - 1]) to++;
      insertChunk.run(id, series.ts[from], series.ts[to - 1], to - from, encodeChunk(series, from, to));
    }
    ensureInstrument(db, symbol);
    return { id, ...info };
  }).immediate();
}

/** Every stored series (optionally of one symbol), by symbol and then from the finest bar size to the coarsest. */
export function listSeries(db: Database.Database, symbol?: string): SeriesInfo[] {
  const rows = (
    symbol === undefined
      ? db.prepare(`SELECT ${SERIES_COLUMNS} FROM bar_series`).all()
      : db.prepare(`SELECT ${SERIES_COLUMNS} FROM bar_series WHERE symbol = ?`).all(normalizeSymbol(symbol))
  ) as SeriesRow[];
  return rows.map(seriesInfoFromRow).sort((a, b) => compareText(a.symbol, b.symbol) || barSizeRank(a.barSize) - barSizeRank(b.barSize));
}

/** The series of `symbol` at `barSize`, or null. */
export function findSeries(db: Database.Database, symbol: string, barSize: string): SeriesInfo | null {
  const row = db
    .prepare(`SELECT ${SERIES_COLUMNS} FROM bar_series WHERE symbol = ? AND bar_size = ?`)
    .get(normalizeSymbol(symbol), canonicalBarSize(barSize)) as SeriesRow | undefined;
  return row === undefined ? null : seriesInfoFromRow(row);
}

/**
 * Deletes the symbol's series at `barSize`, or all its series when barSize is omitted, with their bars.
 * Its instruments row stays (orders and positions may name it). Returns the series deleted.
 */
export function deleteSeries(db: Database.Database, symbol: string, barSize?: string): SeriesInfo[] {
  return db.transaction((): SeriesInfo[] => {
    const size = barSize === undefined ? undefined : canonicalBarSize(barSize);
    const doomed = listSeries(db, symbol).filter((s) => size === undefined || s.barSize === size);
    for (const s of doomed) removeSeries(db, s.id);
    return doomed;
  }).immediate();
}

/** Chunks first and explicitly, so a connection opened without foreign keys cannot leave orphans. */
function removeSeries(db: Database.Database, id: number): void {
  db.prepare('DELETE FROM bar_chunks WHERE series = ?').run(id);
  db.prepare('DELETE FROM bar_series WHERE id = ?').run(id);
}

/** Nominal seconds of a bar size, for ordering; ticks come first. */
export function barSizeRank(barSize: string): number {
  return barSize === IRREGULAR_BAR_SIZE ? 0 : barSizeSeconds(parseBarSize(barSize));
}

/** Stamps must ascend; ticks (bar size 'tick') may share one, as two trades in one millisecond do. */
function checkAscending(series: BarSeries, symbol: string, barSize: string): void {
  if (series.length === 0) throw new RangeError(`cannot store ${symbol}: the series has no bars`);
  const ts = series.ts;
  const ticks = barSize === IRREGULAR_BAR_SIZE;
  for (let i = 1; i < series.length; i++) {
    if (!(ts[i] > ts[i - 1] || (ticks && ts[i] === ts[i - 1]))) {
      throw new RangeError(`cannot store ${symbol}: bar ${i} is not later than the bar before it (stamps must ascend)`);
    }
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
