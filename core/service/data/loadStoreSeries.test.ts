import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveInstrument } from '../../data/barStore/instruments';
import { writeSeries } from '../../data/barStore/seriesRepo';
import { dailySeries } from '../../data/seriesFromBars';
import { openDatabase } from '../../store/db';
import { tempDir } from '../../store/testDb';
import { loadStoreSeries } from './loadStoreSeries';

describe('loadStoreSeries tick sizes', () => {
  it("carries an instrument's own tick size, and none for one left at the table's default", () => {
    const { dir, cleanup } = tempDir();
    const file = join(dir, 'bars.db');
    const db = openDatabase(file);
    try {
      const opts = { barSize: '1d', source: 'generic', onExisting: 'refuse' } as const;
      writeSeries(db, dailySeries('EURUSD', [[1.085, 1.087, 1.084, 1.086, 1000]]), opts);
      writeSeries(db, dailySeries('GOOG', [[100, 101, 99, 100, 1000]]), opts);
      saveInstrument(db, { symbol: 'EURUSD', asset_class: 'CASH', tick_size: 0.00005 });
    } finally {
      db.close();
    }
    try {
      const series = loadStoreSeries({ symbols: null, barSize: '1d', db: file });
      expect(series.map((s) => [s.symbol, s.tickSize])).toEqual([
        ['EURUSD', 0.00005],
        ['GOOG', undefined],
      ]);
    } finally {
      cleanup();
    }
  });
});
