import { describe, expect, it } from 'vitest';
import { dailySeries } from '../data/seriesFromBars';
import { LookAheadError } from './DataView';
import { TimeMachine } from './timeMachine';

const a = dailySeries('AAA', [
  [10, 11, 9, 10, 100],
  [11, 12, 10, 11, 100],
  [12, 13, 11, 12, 100],
  [13, 14, 12, 13, 100],
]);
// BBB starts a day later and skips one session: the calendar is the union of both.
const b = dailySeries('BBB', [
  [20, 21, 19, 20, 100],
  [22, 23, 21, 22, 100],
], '2020-01-02');
const bShifted = { ...b, ts: Float64Array.from([b.ts[0], b.ts[0] + 2 * 86_400_000]) };

function machine(strict = true): TimeMachine {
  const cal = Float64Array.from(new Set([...a.ts, ...bShifted.ts])).sort();
  return new TimeMachine([a, bShifted], cal, strict);
}

describe('TimeMachine', () => {
  it('lists the symbols trading now: the symbols themselves when all trade, one array while the set holds', () => {
    const tm = machine();
    tm.advanceTo(0);
    const onlyA = tm.view.tradingNow();
    expect(onlyA).toEqual(['AAA']);
    tm.advanceTo(1);
    expect(tm.view.tradingNow()).toBe(tm.view.symbols);
    tm.advanceTo(2);
    expect(tm.view.tradingNow()).toBe(onlyA);
    tm.advanceTo(3);
    expect(tm.view.tradingNow()).toEqual(['AAA', 'BBB']);
  });

  it('finds instrument numbers in any order of asking', () => {
    const tm = machine();
    expect([tm.lookup('BBB'), tm.lookup('AAA'), tm.lookup('BBB'), tm.lookup('CCC')]).toEqual([1, 0, 1, -1]);
    expect(() => tm.indexOf('CCC')).toThrow('unknown symbol "CCC"');
  });

  it('shows only bars stamped at or before asOf', () => {
    const tm = machine();
    tm.advanceTo(1);
    expect(tm.view.close('AAA')).toBe(11);
    expect(tm.view.close('AAA', 1)).toBe(10);
    expect(tm.view.barCount('AAA')).toBe(2);
    expect(tm.view.barCount('BBB')).toBe(1);
    expect(Array.from(tm.view.history('AAA', 'close', 10))).toEqual([10, 11]);
    expect(tm.barIndex(1)).toBe(0);
    tm.advanceTo(2);
    expect(tm.barIndex(1)).toBe(-1);
    expect(tm.view.close('BBB')).toBe(20);
  });

  it('reads every field of every bar up to asOf, and close() reads what value() does for close', () => {
    const tm = machine();
    tm.advanceTo(3);
    const fields = ['open', 'high', 'low', 'close', 'volume'] as const;
    for (const field of fields) {
      expect([3, 2, 1, 0, 4].map((ago) => tm.view.value('AAA', field, ago))).toEqual([...Array.from(a[field]), Number.NaN]);
    }
    for (const ago of [0, 1, 2]) expect(tm.view.close('BBB', ago)).toEqual(tm.view.value('BBB', 'close', ago));
  });

  it("lays out this session's bars side by side for the engine, NaN where an instrument has none", () => {
    const tm = machine();
    tm.advanceTo(0);
    expect([tm.now.open[0], tm.now.high[0], tm.now.low[0], tm.now.close[0], tm.now.volume[0]]).toEqual([10, 11, 9, 10, 100]);
    expect(tm.now.close[1]).toBeNaN();
    expect(tm.lastClose[1]).toBeNaN();
    tm.advanceTo(1);
    expect(tm.now.open[1]).toBe(20);
    tm.advanceTo(2);
    // BBB skips this session: no bar now, but its last close still marks it.
    expect(tm.now.open[1]).toBeNaN();
    expect(tm.now.volume[1]).toBeNaN();
    expect(tm.lastClose[1]).toBe(20);
    expect(tm.now.close[0]).toBe(12);
    // A jump over several sessions lands on the right bars too.
    const jumped = machine();
    jumped.advanceTo(3);
    expect([jumped.now.close[0], jumped.now.close[1], jumped.lastClose[1]]).toEqual([13, 22, 22]);
  });

  it('throws a clear look-ahead error in strict mode when a strategy reads tomorrow', () => {
    const tm = machine();
    tm.advanceTo(1);
    expect(() => tm.view.close('AAA', -1)).toThrow(LookAheadError);
    expect(() => tm.view.close('AAA', -1)).toThrow(/look-ahead: strategy asked for close 1 bar\(s\) ahead of AAA while asOf is 2020-01-02/);
    expect(() => tm.view.barAt('AAA', a.ts[2])).toThrow(LookAheadError);
    expect(tm.view.barAt('AAA', a.ts[1])?.close).toBe(11);
  });

  it("gives a symbol's bars as one object that reads as the view does, gated at asOf as time moves", () => {
    const tm = machine();
    const bars = tm.view.bars('BBB');
    expect(tm.view.bars('BBB')).toBe(bars);
    expect(bars.symbol).toBe('BBB');
    tm.advanceTo(0);
    expect(bars.count()).toBe(0);
    expect(bars.close()).toBeNaN();
    tm.advanceTo(3);
    expect(bars.count()).toBe(tm.view.barCount('BBB'));
    expect([bars.close(0), bars.close(1), bars.value('high', 1), bars.value('volume')]).toEqual([22, 20, 21, 100]);
    expect(() => bars.close(-1)).toThrow(/look-ahead: strategy asked for close 1 bar\(s\) ahead of BBB/);
    expect(() => bars.value('open', -1)).toThrow(LookAheadError);
    expect(() => tm.view.bars('ZZZ')).toThrow('unknown symbol "ZZZ"');
  });

  it('in non-strict mode answers NaN for later data and counts the attempts', () => {
    const tm = machine(false);
    tm.advanceTo(0);
    expect(tm.view.close('AAA', -2)).toBeNaN();
    expect(tm.view.barAt('AAA', a.ts[3])).toBeUndefined();
    expect(tm.violations).toBe(2);
  });

  it('hands out copies, so a history cannot reach later bars through its buffer or change the data', () => {
    const tm = machine();
    tm.advanceTo(1);
    const h = tm.view.history('AAA', 'close', 2);
    expect(h.buffer.byteLength).toBe(2 * 8);
    h[0] = 999;
    expect(tm.view.close('AAA', 1)).toBe(10);
    expect(Object.isFrozen(tm.view)).toBe(true);
  });

  it('keeps the machine out of a strategy\'s reach: the view and its bars hold only their symbols and gated reads', () => {
    const tm = machine();
    tm.advanceTo(1);
    const bars = tm.view.bars('AAA');
    expect(Object.getOwnPropertyNames(tm.view)).toEqual(['symbols']);
    expect(Object.getOwnPropertyNames(bars)).toEqual(['symbol']);
    expect(Object.isFrozen(bars)).toBe(true);
    // Nothing on the way up the prototypes holds data either: only methods and the view's clock getters.
    for (let proto = Object.getPrototypeOf(tm.view); proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
        expect(typeof d.value === 'function' || typeof d.get === 'function', name).toBe(true);
      }
    }
    expect([bars.count(), bars.close(0), bars.close(1), bars.value('high', 0)]).toEqual([2, 11, 10, 12]);
    expect(() => bars.close(-1)).toThrow(LookAheadError);
  });

  it('gives each machine its own view: two runs side by side read their own clocks', () => {
    const first = machine();
    const second = machine();
    first.advanceTo(3);
    second.advanceTo(0);
    expect([first.view.bars('AAA').count(), second.view.bars('AAA').count()]).toEqual([4, 1]);
    expect([first.view.asOf, second.view.asOf]).toEqual([a.ts[3], a.ts[0]]);
  });

  it('never moves backwards and names unknown symbols', () => {
    const tm = machine();
    tm.advanceTo(2);
    expect(() => tm.advanceTo(1)).toThrow(/cannot go back/);
    expect(() => tm.view.close('ZZZ')).toThrow(/unknown symbol "ZZZ"/);
  });
});
