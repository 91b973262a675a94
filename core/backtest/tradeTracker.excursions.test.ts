import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Side } from '../domain/enums';
import type { Fill, Order } from '../domain/order';
import { CLOSE_AT_END } from './closeAtEnd';
import { TradeTracker, type FillOrder } from './tradeTracker';
import { MARGIN_CALL } from './tradeTrackerExitReason';

/** Hand-made bars for instruments A (index 0) and B (index 1), set one session at a time as the runner's are. */
class Bars {
  readonly high = new Float64Array(2).fill(NaN);
  readonly low = new Float64Array(2).fill(NaN);
  indexOf(instrument: string): number {
    return instrument === 'A' ? 0 : instrument === 'B' ? 1 : -1;
  }
  set(instrument: string, high: number, low: number): void {
    const i = this.indexOf(instrument);
    this.high[i] = high;
    this.low[i] = low;
  }
}

let seq = 0;
function fill(instrument: string, side: Side, quantity: number, price: number, commission = 0): Fill {
  seq++;
  return { id: `F${seq}`, orderId: `O${seq}`, instrument, side, quantity, price, commission, timestamp: seq, referencePrice: price, slippage: 0 };
}

const MARKET: FillOrder = { type: 'MARKET', metadata: null };

/** Runs sessions of [high, low, fills] for instrument A: fills inside the bar, then the close's onBar. */
function sessions(rows: [number, number, [Side, number, number, FillOrder?][]][]): TradeTracker {
  const bars = new Bars();
  const t = new TradeTracker(bars);
  rows.forEach(([high, low, fills], s) => {
    bars.set('A', high, low);
    for (const [side, qty, price, order] of fills) t.onFill(fill('A', side, qty, price), s, order ?? MARKET);
    t.onBar();
  });
  return t;
}

describe('TradeTracker excursions on hand-made bars', () => {
  it('long: the lowest low and highest high of every bar it lived through, entry and exit bars included', () => {
    const t = sessions([
      [102, 98, [['BUY', 10, 100]]],
      [105, 95, []],
      [112, 104, [['SELL', 10, 110]]],
    ]);
    const [trip] = t.closedTrades();
    expect(trip).toMatchObject({ direction: 'LONG', mae: -50, mfe: 120, maePct: -5, mfePct: 12, exitReason: 'SIGNAL', barsHeld: 2, pnl: 100 });
  });

  it('short: adverse at the highs, favourable at the lows; a stop order closes it with reason STOP', () => {
    const t = sessions([
      [101, 99, [['SELL', 10, 100]]],
      [108, 97, []],
      [97, 90, [['BUY', 10, 96, { type: 'STOP', metadata: null }]]],
    ]);
    const [trip] = t.closedTrades();
    expect(trip).toMatchObject({ direction: 'SHORT', mae: -80, mfe: 100, maePct: -8, mfePct: 10, exitReason: 'STOP', pnl: 40 });
  });

  it('an add counts from its bar on with every unit held and the average cost', () => {
    const t = sessions([
      [100, 100, [['BUY', 10, 100]]],
      [100, 90, []],
      // 20 units for 1,900: at 88 the trip is 1,760 - 1,900 = -140.
      [92, 88, [['BUY', 10, 90]]],
      [101, 95, [['SELL', 20, 100]]],
    ]);
    const [trip] = t.closedTrades();
    expect(trip.mae).toBe(-140);
    expect(trip.mfe).toBe(120);
    expect(trip.maePct).toBeCloseTo((-140 / 1900) * 100, 12);
    expect(trip.pnl).toBe(100);
  });

  it('a partial reduction counts its bar with the units held before it, and later bars with the rest', () => {
    const t = sessions([
      [100, 100, [['BUY', 10, 100]]],
      [110, 99, [['SELL', 5, 110]]],
      // 5 units left, 550 banked: a fall to 80 costs 5 x 20 - 50 = -50, not the -200 of 10 units.
      [104, 80, []],
      [95, 90, [['SELL', 5, 90]]],
    ]);
    const [trip] = t.closedTrades();
    expect(trip).toMatchObject({ quantity: 10, mae: -50, mfe: 100, pnl: 0, exitReason: 'SIGNAL' });
  });

  it('a flip closes the old trip on the bar before the fill and starts the new one on the same bar', () => {
    const t = sessions([
      [10, 10, [['BUY', 5, 10]]],
      [13, 9, [['SELL', 8, 12]]],
      [12, 11, [['BUY', 3, 11]]],
    ]);
    const [long, short] = t.closedTrades();
    expect(long).toMatchObject({ direction: 'LONG', mae: -5, mfe: 15, pnl: 10 });
    expect(short).toMatchObject({ direction: 'SHORT', quantity: 3, mae: -3, mfe: 9, pnl: 3 });
  });

  it('takes the exit reason from the order that closed the trip and sums P&L in closing order', () => {
    const bars = new Bars();
    const t = new TradeTracker(bars);
    bars.set('A', 10, 10);
    bars.set('B', 20, 20);
    t.onFill(fill('A', 'BUY', 1, 10), 0, MARKET);
    t.onFill(fill('B', 'SELL', 1, 20), 0, MARKET);
    t.onBar();
    bars.set('A', 12, 12);
    bars.set('B', 21, 21);
    // A partial reduction's reason is not the trip's: only the fill that closes it counts.
    t.onFill(fill('A', 'BUY', 1, 12), 1, { type: 'LIMIT', metadata: { exitReason: 'TARGET' } });
    t.onFill(fill('A', 'SELL', 1, 12), 1, { type: 'MARKET', metadata: { action: MARGIN_CALL } });
    t.onFill(fill('A', 'SELL', 1, 12), 1, MARKET);
    t.onFill(fill('B', 'BUY', 1, 21), 1, { type: 'MARKET', metadata: { action: CLOSE_AT_END } });
    t.onBar();
    expect(t.closedTrades().map((r) => [r.instrument, r.exitReason, r.pnl, r.cumulativePnl])).toEqual([
      // A: 22 in, 24 out.
      ['A', 'SIGNAL', 2, 2],
      ['B', 'END_OF_RUN', -1, 1],
    ]);
    bars.set('A', 15, 5);
    t.onFill(fill('A', 'BUY', 2, 10), 2, MARKET);
    t.onFill(fill('A', 'SELL', 2, 9), 2, { type: 'MARKET', metadata: { action: MARGIN_CALL } });
    t.onFill(fill('A', 'BUY', 1, 10), 3, MARKET);
    t.onFill(fill('A', 'SELL', 1, 11), 3, { type: 'MARKET', metadata: { exitReason: 'TRAILING_STOP' } });
    t.onFill(fill('A', 'SELL', 1, 11), 4, MARKET);
    t.onFill(fill('A', 'BUY', 1, 10), 4, { type: 'STOP_LIMIT', metadata: { exitReason: 'not a reason' } });
    expect(t.closedTrades().slice(2).map((r) => [r.exitReason, r.cumulativePnl])).toEqual([
      ['MARGIN_CALL', -1],
      ['TRAILING_STOP', 0],
      ['STOP', 1],
    ]);
  });

  it('an open trip has no exit reason; its excursions include the mark and its cumulative P&L adds to the closed ones', () => {
    const bars = new Bars();
    const t = new TradeTracker(bars);
    bars.set('A', 10, 10);
    t.onFill(fill('A', 'BUY', 1, 10), 0, MARKET);
    t.onFill(fill('A', 'SELL', 1, 11), 0, MARKET);
    t.onFill(fill('A', 'BUY', 4, 10), 0, MARKET);
    t.onBar();
    bars.set('A', 11, 9);
    t.onBar();
    const [open] = t.openTrades(() => 7, { ts: 99, sessionIndex: 2 });
    expect(open).toMatchObject({ status: 'OPEN', exitReason: null, mae: -12, mfe: 4, pnl: -12, cumulativePnl: 1 - 12 });
  });

  it('skips a session without a bar for the instrument and works without bars at all', () => {
    const bars = new Bars();
    const t = new TradeTracker(bars);
    bars.set('A', 10, 10);
    t.onFill(fill('A', 'BUY', 1, 10), 0, MARKET);
    t.onBar();
    bars.set('A', NaN, NaN);
    t.onBar();
    bars.set('A', 12, 10);
    t.onFill(fill('A', 'SELL', 1, 11), 2, MARKET);
    expect(t.closedTrades()[0]).toMatchObject({ mae: 0, mfe: 2 });

    const bare = new TradeTracker();
    bare.onFill(fill('Z', 'SELL', 2, 10), 0);
    bare.onBar();
    bare.onFill(fill('Z', 'BUY', 2, 12), 1);
    expect(bare.closedTrades()[0]).toMatchObject({ mae: -4, mfe: 0, exitReason: 'SIGNAL' });
  });

  it('an exit filled outside its bar (slippage) still lies between the excursions', () => {
    const t = sessions([
      [100, 100, [['BUY', 10, 100]]],
      [103, 98, [['SELL', 10, 97]]],
    ]);
    const [trip] = t.closedTrades();
    expect(trip).toMatchObject({ mae: -30, mfe: 30, pnl: -30 });
  });

  it('keeps the dense list of open trips consistent as trips close out of order', () => {
    const bars = new Bars();
    const t = new TradeTracker(bars);
    bars.set('A', 10, 10);
    bars.set('B', 10, 10);
    t.onFill(fill('A', 'BUY', 1, 10), 0, MARKET);
    t.onFill(fill('B', 'BUY', 1, 10), 0, MARKET);
    t.onFill(fill('A', 'SELL', 1, 10), 0, MARKET);
    bars.set('B', 30, 1);
    t.onBar();
    t.onFill(fill('B', 'SELL', 1, 10), 1, MARKET);
    expect(t.closedTrades().map((r) => [r.instrument, r.mae, r.mfe])).toEqual([
      ['A', 0, 0],
      ['B', -9, 20],
    ]);
    expect(t.openCount()).toBe(0);
  });
});

describe('TradeTracker excursions, any fills inside any bars', () => {
  it('MAE <= 0 <= MFE, the gross P&L lies between them, and a single entry and exit matches the bars directly', () => {
    const sessionArb = fc.record({
      low: fc.double({ min: 1, max: 200, noNaN: true }),
      range: fc.double({ min: 0, max: 50, noNaN: true }),
      fills: fc.array(fc.record({ side: fc.constantFrom<Side>('BUY', 'SELL'), quantity: fc.integer({ min: 1, max: 20 }), at: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(sessionArb, { minLength: 1, maxLength: 30 }), (rows) => {
        const bars = new Bars();
        const t = new TradeTracker(bars);
        rows.forEach(({ low, range, fills }, s) => {
          bars.set('A', low + range, low);
          for (const f of fills) t.onFill(fill('A', f.side, f.quantity, low + f.at * range), s, MARKET);
          t.onBar();
        });
        const last = rows[rows.length - 1];
        for (const trip of [...t.closedTrades(), ...t.openTrades(() => last.low)]) {
          const gross = trip.pnl + trip.commission;
          expect(trip.mae).toBeLessThanOrEqual(0);
          expect(trip.mfe).toBeGreaterThanOrEqual(0);
          expect(trip.mae).toBeLessThanOrEqual(gross + 1e-9);
          expect(trip.mfe).toBeGreaterThanOrEqual(gross - 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('one entry and one exit: the excursions are the held units times the extreme bars against the entry', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ low: fc.double({ min: 1, max: 200, noNaN: true }), range: fc.double({ min: 0, max: 50, noNaN: true }) }), { minLength: 2, maxLength: 20 }),
        fc.constantFrom<Side>('BUY', 'SELL'),
        fc.integer({ min: 1, max: 100 }),
        (rows, side, qty) => {
          const bars = new Bars();
          const t = new TradeTracker(bars);
          const entry = rows[0].low + rows[0].range / 2;
          const exit = rows[rows.length - 1].low;
          rows.forEach(({ low, range }, s) => {
            bars.set('A', low + range, low);
            if (s === 0) t.onFill(fill('A', side, qty, entry), s, MARKET);
            if (s === rows.length - 1) t.onFill(fill('A', side === 'BUY' ? 'SELL' : 'BUY', qty, exit), s, MARKET);
            t.onBar();
          });
          const sign = side === 'BUY' ? 1 : -1;
          const moves = rows.flatMap(({ low, range }) => [sign * qty * (low - entry), sign * qty * (low + range - entry)]);
          const [trip] = t.closedTrades();
          expect(trip.mae).toBeCloseTo(Math.min(0, ...moves), 6);
          expect(trip.mfe).toBeCloseTo(Math.max(0, ...moves), 6);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('a fill given by its parts and instrument number (onFillOf) makes the same trips as the Fill itself', () => {
    const step = fc.record({
      instrument: fc.constantFrom('A', 'B'),
      side: fc.constantFrom<Side>('BUY', 'SELL'),
      qty: fc.integer({ min: 1, max: 50 }),
      price: fc.double({ min: 5, max: 200, noNaN: true }),
      fee: fc.double({ min: 0, max: 3, noNaN: true }),
      high: fc.double({ min: 200, max: 300, noNaN: true }),
      low: fc.double({ min: 1, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const viaFill = new Bars();
        const viaParts = new Bars();
        const a = new TradeTracker(viaFill);
        const b = new TradeTracker(viaParts);
        steps.forEach((x, s) => {
          const f = fill(x.instrument, x.side, x.qty, x.price, x.fee);
          const order = { id: f.orderId, instrument: x.instrument, side: x.side, type: 'MARKET', metadata: null } as Order;
          for (const bars of [viaFill, viaParts]) bars.set(x.instrument, x.high, x.low);
          a.onFill(f, s, order);
          b.onFillOf(order, viaParts.indexOf(x.instrument), f.quantity, f.price, f.commission, f.timestamp, s);
          a.onBar();
          b.onBar();
        });
        expect(b.closedTrades()).toEqual(a.closedTrades());
        const at = { ts: 99, sessionIndex: steps.length };
        expect(b.openTrades(() => 100, at)).toEqual(a.openTrades(() => 100, at));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a fill given by its parts without a positive quantity, naming its order', () => {
    const order = { id: 'O7', instrument: 'A', side: 'BUY', type: 'MARKET', metadata: null } as Order;
    expect(() => new TradeTracker(new Bars()).onFillOf(order, 0, 0, 10, 0, 0, 0)).toThrow('TradeTracker: a fill of order O7 of A has quantity 0 / price 10');
  });
});
