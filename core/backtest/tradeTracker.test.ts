import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Side } from '../domain/enums';
import type { Fill } from '../domain/order';
import { TradeTracker } from './tradeTracker';

let seq = 0;
function fill(instrument: string, side: Side, quantity: number, price: number, commission = 0, timestamp = 0): Fill {
  seq++;
  return { id: `f${seq}`, orderId: `o${seq}`, instrument, side, quantity, price, commission, timestamp, referencePrice: price, slippage: 0 };
}

describe('TradeTracker', () => {
  it('closes a long round trip net of both commissions', () => {
    const t = new TradeTracker();
    t.onFill(fill('A', 'BUY', 10, 100, 1, 1000), 0);
    t.onFill(fill('A', 'SELL', 10, 110, 2, 6000), 5);
    expect(t.closedTrades()).toEqual([
      {
        instrument: 'A', direction: 'LONG', quantity: 10, entryTs: 1000, entryPrice: 100, exitTs: 6000, exitPrice: 110,
        pnl: 97, returnPct: 9.7, commission: 3, barsHeld: 5, status: 'CLOSED', markPrice: null, unrealizedPnl: null,
        // Without bars only the fill prices count: the trip never stood below its entry.
        mae: 0, maePct: 0, mfe: 100, mfePct: 10, exitReason: 'SIGNAL', cumulativePnl: 97,
      },
    ]);
    expect(t.openCount()).toBe(0);
    expect(t.openTrades(() => 1)).toEqual([]);
  });

  it('keeps adds and partial reductions in one trip until the position is flat again', () => {
    const t = new TradeTracker();
    t.onFill(fill('A', 'BUY', 10, 100, 10), 0);
    t.onFill(fill('A', 'BUY', 5, 102, 5), 1);
    t.onFill(fill('A', 'SELL', 12, 105, 6), 3);
    expect(t.closedTrades()).toEqual([]);
    const open = t.openTrades(() => 100, { ts: 99, sessionIndex: 7 });
    expect(open).toHaveLength(1);
    // Entered 1510 for 15; exited 12 x 105 and 3 marked at 100; commissions 21.
    expect(open[0]).toMatchObject({ direction: 'LONG', quantity: 3, exitTs: 99, pnl: 1260 + 300 - 1510 - 21, commission: 21, barsHeld: 7 });
    expect(open[0].entryPrice).toBeCloseTo(1510 / 15, 12);
    // The mark: 3 units still held at 100 against the entry average 1510 / 15.
    expect(open[0]).toMatchObject({ status: 'OPEN', markPrice: 100 });
    expect(open[0].unrealizedPnl).toBeCloseTo(3 * (100 - 1510 / 15), 10);
    t.onFill(fill('A', 'SELL', 3, 110, 0), 9);
    const [trip] = t.closedTrades();
    expect(trip).toMatchObject({ quantity: 15, exitPrice: (1260 + 330) / 15, pnl: 1260 + 330 - 1510 - 21, barsHeld: 9 });
  });

  it('flips through zero: closes everything, opens the rest the other way', () => {
    const t = new TradeTracker();
    t.onFill(fill('A', 'BUY', 5, 10), 0);
    t.onFill(fill('A', 'SELL', 8, 12, 8), 1);
    expect(t.closedTrades()).toHaveLength(1);
    expect(t.closedTrades()[0]).toMatchObject({ direction: 'LONG', quantity: 5, pnl: 10 - 5 });
    expect(t.openTrades(() => 12)).toEqual([expect.objectContaining({ direction: 'SHORT', quantity: 3, entryPrice: 12, pnl: -3 })]);
    // A short marked below its entry gains: -1 x 3 x (11.5 - 12).
    expect(t.openTrades(() => 11.5)[0]).toMatchObject({ status: 'OPEN', markPrice: 11.5, unrealizedPnl: 1.5 });
    t.onFill(fill('A', 'BUY', 3, 11), 4);
    const short = t.closedTrades()[1];
    expect(short).toMatchObject({ direction: 'SHORT', quantity: 3, pnl: 3 - 3, barsHeld: 3 });
    expect(short.returnPct).toBe(0);
  });

  it('drains closed trades incrementally while the summary keeps counting', () => {
    const t = new TradeTracker();
    t.onFill(fill('A', 'BUY', 1, 10), 0);
    t.onFill(fill('A', 'SELL', 1, 12), 1);
    expect(t.takeClosed()).toHaveLength(1);
    expect(t.closedTrades()).toEqual([]);
    t.onFill(fill('B', 'SELL', 2, 10), 2);
    t.onFill(fill('B', 'BUY', 2, 11), 3);
    expect(t.takeClosed().map((c) => c.pnl)).toEqual([-2]);
    expect(t.summary()).toMatchObject({ count: 2, wins: 1, losses: 1, grossWin: 2, grossLoss: -2, sumBarsHeld: 2 });
  });

  it('rejects a fill without a positive quantity, naming it', () => {
    expect(() => new TradeTracker().onFill(fill('A', 'BUY', 0, 10), 0)).toThrow(/fill f\d+ of A has quantity 0/);
  });

  it('closed pnl + open pnl equals the cash-flow P&L of the fills marked at the final price', () => {
    const fillArb = fc.record({
      instrument: fc.constantFrom('A', 'B'),
      side: fc.constantFrom<Side>('BUY', 'SELL'),
      quantity: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0.01, max: 50, noNaN: true })),
      price: fc.double({ min: 1, max: 500, noNaN: true }),
      commission: fc.double({ min: 0, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(fillArb, { maxLength: 40 }), fc.double({ min: 1, max: 500, noNaN: true }), (fills, finalPrice) => {
        const t = new TradeTracker();
        const position = new Map<string, number>();
        let cash = 0;
        fills.forEach((f, i) => {
          t.onFill(fill(f.instrument, f.side, f.quantity, f.price, f.commission, i), i);
          const signed = f.side === 'BUY' ? f.quantity : -f.quantity;
          position.set(f.instrument, (position.get(f.instrument) ?? 0) + signed);
          cash -= signed * f.price + f.commission;
        });
        let expected = cash;
        for (const q of position.values()) expected += q * finalPrice;
        const tracked = [...t.closedTrades(), ...t.openTrades(() => finalPrice)].reduce((s, r) => s + r.pnl, 0);
        expect(tracked).toBeCloseTo(expected, 6);
        // Open trips hold exactly the net position.
        for (const [inst, q] of position) {
          const open = t.openTrades(() => finalPrice).filter((r) => r.instrument === inst);
          const held = open.reduce((s, r) => s + (r.direction === 'LONG' ? r.quantity : -r.quantity), 0);
          expect(held).toBeCloseTo(q, 6);
        }
      }),
      { numRuns: 300 },
    );
  });
});
