import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BarSeries } from '../../data/BarSeries';
import { getInstrument } from '../../data/barStore/instruments';
import { loadSeries } from '../../data/barStore/loadBars';
import { defaultDbPath } from '../../store/db';

export interface StoreSelection {
  /** Null: every series of the bar size. */
  symbols: readonly string[] | null;
  barSize: string;
  /** Absolute path of the store's file; null: `runDb` if given, else the app's default database. */
  db: string | null;
}

/**
 * Loads a backtest's series from the bar store. A file named by the spec (or the default one) is opened
 * read-only just for this, so loading data never changes it.
 */
export function loadStoreSeries(selection: StoreSelection, runDb?: Database.Database): BarSeries[] {
  if (selection.db === null && runDb !== undefined) return loadFrom(runDb, selection, runDb.name);
  const file = selection.db ?? defaultDbPath();
  if (!existsSync(file)) throw new Error(`bar store ${file} does not exist; import data with: npm run data -- import <file> --db ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasStore = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bar_series'").get() !== undefined;
    if (!hasStore) throw new Error(`${file} has no bar store yet; import data with: npm run data -- import <file> --db ${file}`);
    return loadFrom(db, selection, file);
  } finally {
    db.close();
  }
}

function loadFrom(db: Database.Database, selection: StoreSelection, file: string): BarSeries[] {
  const series = loadSeries(db, selection.symbols, selection.barSize);
  if (series.length === 0) {
    throw new Error(`the bar store in ${file} has no ${selection.barSize} series; import some with: npm run data -- import <file>`);
  }
  return series.map((s) => withTickSize(db, s));
}

/** The instruments table's default tick: every imported symbol has it until one is set for it. */
const DEFAULT_TICK = 0.01;

/**
 * An instrument given its own tick size (e.g. EURUSD's 0.00005) prints fills on it; one left at the
 * table's default takes the spec's simulator.tick_size, so a spec can still set the grid for it.
 */
function withTickSize(db: Database.Database, s: BarSeries): BarSeries {
  const tick = getInstrument(db, s.symbol)?.tickSize;
  return tick === undefined || tick === DEFAULT_TICK ? s : { ...s, tickSize: tick };
}
