import type { DataSource } from '../config/loadSpec';
import type { BarSeries } from '../data/BarSeries';
import { loadBarsCsv } from '../data/csv/loadBarsCsv';
import { dataFingerprint } from '../data/fingerprint';
import { generateSyntheticMarket } from '../data/synthetic';

export interface LoadedData {
  series: BarSeries[];
  fingerprint: string;
}

/** Loads every series a spec names, whole, before anything is recorded: a bad file fails here. */
export function loadSpecData(source: DataSource): LoadedData {
  let series: BarSeries[];
  if (source.kind === 'csv') {
    series = source.files.map((f) => loadBarsCsv(f.path, { symbol: f.symbol }));
  } else {
    series = generateSyntheticMarket(source);
  }
  return { series, fingerprint: dataFingerprint(series) };
}
