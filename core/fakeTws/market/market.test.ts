import { describe, expect, it } from 'vitest';
import { seriesFromBars } from '../../data/seriesFromBars';
import { conIdFor } from './conId';
import { Market } from './market';

const DAY = 86_400_000;
const bar = (day: number, close: number) => ({ ts: day * DAY, open: close, high: close + 1, low: close - 1, close, volume: 1000 });

describe('fake TWS market clock', () => {
  it('steps through the union of the series timestamps and never shows a later bar', () => {
    const m = new Market(
      [seriesFromBars('AAA', [bar(0, 10), bar(1, 11), bar(3, 13)]), seriesFromBars('BBB', [bar(1, 20), bar(2, 21), bar(3, 22)])],
      0,
    );
    const [aaa, bbb] = m.instruments;
    expect([m.last(aaa), m.last(bbb)]).toEqual([10, Number.NaN]);
    expect(m.step().map((i) => i.symbol)).toEqual(['AAA', 'BBB']);
    expect(m.step().map((i) => i.symbol)).toEqual(['BBB']); // AAA has no bar on day 2: it keeps its last price
    expect([m.last(aaa), m.last(bbb), m.previousClose(bbb)]).toEqual([11, 21, 20]);
    expect(m.history(aaa, -Infinity, Infinity).map((b) => b.close)).toEqual([10, 11]);
    expect(m.step().length).toBe(2);
    expect(m.atEnd()).toBe(true);
    expect(m.step()).toEqual([]);
    expect(m.steps).toBe(3);
  });

  it('starts a year in by default, or at the last bar of shorter data', () => {
    const long = seriesFromBars('L', Array.from({ length: 300 }, (_, i) => bar(i, 100)));
    expect(new Market([long]).time).toBe(252 * DAY);
    expect(new Market([seriesFromBars('S', [bar(0, 1), bar(1, 2)])]).time).toBe(DAY);
    expect(() => new Market([long], 300)).toThrow(/startBar must be an integer in 0..299/);
  });

  it('looks symbols up case-insensitively and by conId, and refuses duplicate symbols', () => {
    const m = new Market([seriesFromBars('AAA', [bar(0, 10)])], 0);
    const inst = m.instruments[0];
    expect(m.lookup('aaa')).toBe(inst);
    expect(m.lookupConId(inst.conId)).toBe(inst);
    expect(() => new Market([seriesFromBars('X', [bar(0, 1)]), seriesFromBars('X', [bar(0, 1)])])).toThrow(/appears twice/);
  });

  it('derives stable 9-digit conIds from symbols and resolves clashes', () => {
    const used = new Set<number>();
    const a = conIdFor('AAPL', used);
    expect(conIdFor('AAPL', new Set())).toBe(a);
    expect(a).toBeGreaterThanOrEqual(100_000_000);
    expect(a).toBeLessThan(1_000_000_000);
    expect(conIdFor('AAPL', used)).toBe(a + 1);
  });

  it('knows which bar closes a session: the day\'s last intraday bar, every daily bar, the last bar of the data', () => {
    const hour = 3_600_000;
    const at = (ms: number) => ({ ts: ms, open: 1, high: 1, low: 1, close: 1, volume: 1 });
    const intraday = seriesFromBars('AAA', [at(14 * hour), at(15 * hour), at(DAY + 14 * hour), at(DAY + 15 * hour)], 3600);
    const m = new Market([intraday, seriesFromBars('BBB', [bar(0, 1), bar(1, 1)])], 0);
    const [aaa, bbb] = m.instruments;
    const closes: [boolean, boolean][] = [[m.isSessionClose(aaa), m.isSessionClose(bbb)]];
    while (!m.atEnd()) {
      m.step();
      closes.push([m.isSessionClose(aaa), m.isSessionClose(bbb)]);
    }
    // Calendar: day 0 00:00 (BBB only), 14:00, 15:00, day 1 00:00 (BBB), 14:00, 15:00.
    expect(closes).toEqual([[false, true], [false, true], [true, true], [true, true], [false, true], [true, true]]);
  });
});
