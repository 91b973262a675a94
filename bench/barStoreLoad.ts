import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSeries } from '../core/data/barStore/loadBars';
import { writeSeries } from '../core/data/barStore/seriesRepo';
import { generateSyntheticMarket } from '../core/data/synthetic';
import { openDatabase } from '../core/store/db';

const SYMBOLS = 500;
const YEARS = 20;
/** Loads timed after the first; the median is reported. */
const LOADS = 3;

/**
 * Writes 500 synthetic symbols x 20 years of daily bars to a fresh bar store, then times loading all of them
 * into typed arrays from a newly opened connection (target: under one second).
 */
export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tradedesk-bench-store-'));
  const file = path.join(dir, 'bars.db');
  try {
    const market = generateSyntheticMarket({ symbols: SYMBOLS, years: YEARS, seed: 1 });
    const bars = market.reduce((n, s) => n + s.length, 0);
    const db = openDatabase(file);
    const writeStart = performance.now();
    db.transaction(() => {
      for (const s of market) writeSeries(db, s, { barSize: '1d', source: 'synthetic', onExisting: 'refuse' });
    })();
    const writeSeconds = (performance.now() - writeStart) / 1000;
    db.close();

    const times: number[] = [];
    let loaded = 0;
    for (let i = 0; i <= LOADS; i++) {
      const reader = openDatabase(file);
      const start = performance.now();
      const series = loadSeries(reader, null, '1d');
      const seconds = (performance.now() - start) / 1000;
      reader.close();
      loaded = series.reduce((n, s) => n + s.length, 0);
      if (i > 0) times.push(seconds);
    }
    if (loaded !== bars) throw new Error(`loaded ${loaded} bars, wrote ${bars}`);
    times.sort((a, b) => a - b);
    return {
      series: SYMBOLS,
      bars,
      write_seconds: writeSeconds,
      load_seconds: times[Math.floor(times.length / 2)],
      load_bars_per_second: bars / times[Math.floor(times.length / 2)],
      db_mb: statSync(file).size / 2 ** 20,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
}
