import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/db';
import { generateSyntheticMarket } from '../synthetic';
import { DEFAULT_UNIVERSE, ensureDefaultUniverse } from './defaultUniverse';
import { loadSeries } from './loadBars';
import { deleteSeries, listSeries, writeSeries } from './seriesRepo';

let db: Database.Database;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

describe('ensureDefaultUniverse', () => {
  it('writes the seeded synthetic universe on first start, exactly as generated', () => {
    expect(ensureDefaultUniverse(db, 1000)).toBe(true);
    const listed = listSeries(db);
    expect(listed.map((s) => s.symbol)).toEqual(Array.from({ length: 20 }, (_, i) => `SYN${String(i).padStart(3, '0')}`));
    expect(listed.every((s) => s.barSize === '1d' && s.source === 'synthetic' && s.importedAt === 1000 && s.bars === 2520)).toBe(true);
    const expected = generateSyntheticMarket(DEFAULT_UNIVERSE);
    const loaded = loadSeries(db, ['SYN007'], '1d')[0];
    expect(Array.from(loaded.close)).toEqual(Array.from(expected[7].close));
  });

  it('is idempotent and does not bring back series the trader deleted', () => {
    ensureDefaultUniverse(db);
    deleteSeries(db, 'SYN000');
    expect(ensureDefaultUniverse(db)).toBe(false);
    expect(listSeries(db)).toHaveLength(19);
  });

  it('keeps a daily series the trader already stored under a synthetic name', () => {
    const [mine] = generateSyntheticMarket({ symbols: 1, years: 1, seed: 99 });
    const kept = writeSeries(db, mine, { barSize: '1d', source: 'generic', onExisting: 'refuse' });
    ensureDefaultUniverse(db);
    expect(listSeries(db, 'SYN000')).toEqual([kept]);
    expect(listSeries(db)).toHaveLength(20);
  });
});
