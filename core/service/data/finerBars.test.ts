import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSeries } from '../../data/barStore/seriesRepo';
import { dailySeries, seriesFromBars } from '../../data/seriesFromBars';
import { openDatabase } from '../../store/db';
import { tempDir } from '../../store/testDb';
import { finerBarsOf } from './finerBars';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const t0 = Date.parse('2024-01-01T00:00:00Z');

describe('finerBarsOf', () => {
  it('serves a symbol\'s finest stored bars below the run\'s size, by stamp range, and none for a symbol without', () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = openDatabase(path.join(dir, 'store.db'));
      const daily = dailySeries('AAA', [[100, 101, 99, 100], [100, 106, 95, 97]], '2024-01-01');
      const other = dailySeries('BBB', [[10, 11, 9, 10], [10, 11, 9, 10]], '2024-01-01');
      const hourly = seriesFromBars('AAA', [0, 1, 2].map((h) => ({ ts: t0 + DAY + (9 + h) * HOUR, open: 100 + h, high: 101 + h, low: 99 + h, close: 100 + h, volume: 10 })), 3600);
      const refuse = { source: 'test', onExisting: 'refuse' } as const;
      writeSeries(db, daily, { ...refuse, barSize: '1d' });
      writeSeries(db, other, { ...refuse, barSize: '1d' });
      writeSeries(db, hourly, { ...refuse, barSize: '1h' });
      const finer = finerBarsOf({ symbols: ['AAA', 'BBB'], barSize: '1d', db: null }, db, [daily, other]);
      expect(finer(0, t0 + DAY, t0 + 2 * DAY).map((b) => b.open)).toEqual([100, 101, 102]);
      expect(finer(0, t0, t0 + DAY)).toEqual([]);
      expect(finer(1, t0 + DAY, t0 + 2 * DAY)).toEqual([]);
      db.close();
    } finally {
      cleanup();
    }
  });
});
