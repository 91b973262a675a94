import type Database from 'better-sqlite3';
import type { DataSource } from '../config/loadSpec';
import { adjustSeries } from '../data/adjust';
import type { BarSeries } from '../data/BarSeries';
import { loadBarsCsv, loadBarsCsvAsync } from '../data/csv/loadBarsCsv';
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
  if (source.kind !== 'csv') return loaded(otherSeries(source, runDb));
  return loaded(source.files.map((f) => adjustSeries(loadBarsCsv(f.path, { symbol: f.symbol }), source.adjustment)));
}

/**
 * loadSpecData reading CSV files without blocking the event loop between their 64 MB pieces; `signal`
 * cancels the reading.
 */
export async function loadSpecDataAsync(source: DataSource, runDb?: Database.Database, signal?: AbortSignal): Promise<LoadedData> {
  if (source.kind !== 'csv') return loaded(otherSeries(source, runDb));
  const series: BarSeries[] = [];
  for (const f of source.files) series.push(adjustSeries(await loadBarsCsvAsync(f.path, { symbol: f.symbol, signal }), source.adjustment));
  return loaded(series);
}

function otherSeries(source: Exclude<DataSource, { kind: 'csv' }>, runDb: Database.Database | undefined): BarSeries[] {
  if (source.kind === 'store') return loadStoreSeries(source, runDb).map((s) => adjustSeries(s, source.adjustment));
  return generateSyntheticMarket(source);
}

function loaded(series: BarSeries[]): LoadedData {
  return { series, fingerprint: dataFingerprint(series) };
}
