import type Database from 'better-sqlite3';
import type { DataSource } from '../config/loadSpec';
import { adjustSeries } from '../data/adjust';
import type { BarSeries } from '../data/BarSeries';
import { loadBarsCsv } from '../data/csv/loadBarsCsv';
import { dataFingerprint } from '../data/fingerprint';
import { generateSyntheticMarket } from '../data/synthetic';
import { loadStoreSeries } from './data/loadStoreSeries';

export interface LoadedData {
  series: BarSeries[];
  fingerprint: string;
}

/**
 * Loads every series a spec names, whole and adjusted as the spec asks, before anything is recorded: a bad
 * file fails here. A store source without its own file reads `runDb`, the database the run is recorded in.
 */
export function loadSpecData(source: DataSource, runDb?: Database.Database): LoadedData {
  let series: BarSeries[];
  if (source.kind === 'csv') {
    series = source.files.map((f) => adjustSeries(loadBarsCsv(f.path, { symbol: f.symbol }), source.adjustment));
  } else if (source.kind === 'store') {
    series = loadStoreSeries(source, runDb).map((s) => adjustSeries(s, source.adjustment));
  } else {
    series = generateSyntheticMarket(source);
  }
  return { series, fingerprint: dataFingerprint(series) };
}
