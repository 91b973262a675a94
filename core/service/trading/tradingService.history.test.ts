import { afterEach, describe, expect, it } from 'vitest';
import { getBars } from '../../data/barStore/loadBars';
import { findSeries, listSeries, writeSeries } from '../../data/barStore/seriesRepo';
import { seriesFromBars } from '../../data/seriesFromBars';
import { ApiError } from '../../ipc/errors';
import { simSession, TestSimBroker } from './testSimBroker';
import { tradingHarness } from './tradingTestHarness';

/** "Download history from TWS" never replaces a stored series silently (issue 14 §2): it asks, like an import. */

const DAY = 86_400_000;
const JAN2 = Date.UTC(2024, 0, 2);
const bar = (i: number, close: number) => ({ ts: JAN2 + i * DAY, open: 10, high: 20, low: 5, close, volume: 100 });

let h: ReturnType<typeof tradingHarness<TestSimBroker>> | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Connected, with AAA stored as days 0..3 (closes 10..13) from a CSV import. */
async function withStoredSeries() {
  const t = tradingHarness((s) => simSession(new TestSimBroker(s, { AAA: [100, 100] })));
  h = t;
  await t.service.connect({ preset: 'tws_paper' });
  writeSeries(t.db, seriesFromBars('AAA', [0, 1, 2, 3].map((i) => bar(i, 10 + i))), { barSize: '1d', source: 'yahoo', onExisting: 'refuse', importedAt: 5 });
  // The broker has days 2..5: day 3 corrected, days 4 and 5 new; days 0 and 1 are outside its window.
  t.broker().history = [bar(2, 12), bar(3, 99), bar(4, 14), bar(5, 15)];
  return t;
}

const closes = (t: NonNullable<typeof h>, symbol: string) => Array.from(getBars(t.db, symbol, '1d').close);

describe('TradingService history download over a stored series', () => {
  it('leaves the stored series alone and says what replacing it would change', async () => {
    const t = await withStoredSeries();
    const res = await t.service.downloadHistory('aaa', 1);
    expect(res.written).toBeNull();
    expect(res.decision).toEqual({
      symbol: 'AAA',
      stored: { source: 'yahoo', bars: 4, firstTs: JAN2, lastTs: JAN2 + 3 * DAY, importedAt: 5 },
      download: { source: 'ib', bars: 4, firstTs: JAN2 + 2 * DAY, lastTs: JAN2 + 5 * DAY },
      changes: { added: 2, changed: 1, removed: 2, unchanged: 1, firstChangeTs: JAN2, lastChangeTs: JAN2 + 5 * DAY },
      keepBothAs: 'AAA:IB',
    });
    expect(closes(t, 'AAA')).toEqual([10, 11, 12, 13]);
    expect(findSeries(t.db, 'AAA', '1d')?.source).toBe('yahoo');
  });

  it('replaces the series when the trader says so', async () => {
    const t = await withStoredSeries();
    await t.service.downloadHistory('AAA', 1);
    const res = t.service.resolveHistory('AAA', 'replace');
    expect(res.written).toEqual({ symbol: 'AAA', bars: 4, firstTs: JAN2 + 2 * DAY, lastTs: JAN2 + 5 * DAY, source: 'ib' });
    expect(closes(t, 'AAA')).toEqual([12, 99, 14, 15]);
    expect(findSeries(t.db, 'AAA', '1d')?.source).toBe('ib');
  });

  it('keeps both: the download goes under another symbol, the stored series stays as it was', async () => {
    const t = await withStoredSeries();
    await t.service.downloadHistory('AAA', 1);
    expect(t.service.resolveHistory('AAA', 'keep_both').written).toMatchObject({ symbol: 'AAA:IB', bars: 4, source: 'ib' });
    expect(closes(t, 'AAA')).toEqual([10, 11, 12, 13]);
    expect(closes(t, 'AAA:IB')).toEqual([12, 99, 14, 15]);
    // A second download kept beside both takes the next free name, never replacing the first copy.
    const again = await t.service.downloadHistory('AAA', 1);
    expect(again.decision?.keepBothAs).toBe('AAA:IB2');
    t.service.resolveHistory('AAA', 'keep_both');
    expect(listSeries(t.db).map((s) => s.symbol).sort()).toEqual(['AAA', 'AAA:IB', 'AAA:IB2']);
  });

  it('writes nothing on cancel, and a choice with no download waiting is refused', async () => {
    const t = await withStoredSeries();
    await t.service.downloadHistory('AAA', 1);
    expect(t.service.resolveHistory('AAA', 'cancel')).toEqual({ symbol: 'AAA', written: null, decision: null });
    expect(closes(t, 'AAA')).toEqual([10, 11, 12, 13]);
    const err = (() => {
      try {
        t.service.resolveHistory('AAA', 'replace');
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('NOT_FOUND');
    expect(closes(t, 'AAA')).toEqual([10, 11, 12, 13]);
  });
});
