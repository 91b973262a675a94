import type { Fill, Order, Timestamp } from '../domain/order';
import { type HeldPositions, type Position, positionOf } from '../domain/portfolio';
import type { EquityPoint, RunSink } from './RunSink';
import type { RoundTrip } from './tradeTracker';

/** A RunSink that keeps every record in arrays: for tests and small runs inspected in process. */
export class MemorySink implements RunSink {
  readonly orders: Order[] = [];
  readonly fills: Fill[] = [];
  readonly snapshots: { ts: Timestamp; position: Position }[] = [];
  readonly equityPoints: EquityPoint[] = [];
  readonly trades: RoundTrip[] = [];
  readonly targets: { ts: Timestamp; kind: 'weight' | 'quantity'; instrument: string; value: number }[] = [];
  readonly actions: { ts: Timestamp; action: string; instrument: string | null; detail: Record<string, unknown> }[] = [];
  flushes = 0;

  order(order: Order): void {
    this.orders.push({ ...order });
  }
  fill(fill: Fill): void {
    this.fills.push(fill);
  }
  positions(ts: Timestamp, held: HeldPositions): void {
    for (let k = 0; k < held.count; k++) {
      this.snapshots.push({ ts, position: positionOf(held.instruments[k], held.quantity[k], held.avgCost[k], held.marketPrice[k], held.realizedPnl[k]) });
    }
  }
  equity(point: EquityPoint): void {
    this.equityPoints.push(point);
  }
  trade(trade: RoundTrip): void {
    this.trades.push(trade);
  }
  target(ts: Timestamp, kind: 'weight' | 'quantity', instrument: string, value: number): void {
    this.targets.push({ ts, kind, instrument, value });
  }
  action(ts: Timestamp, action: string, instrument: string | null, detail: Record<string, unknown>): void {
    this.actions.push({ ts, action, instrument, detail });
  }
  flush(): void {
    this.flushes++;
  }
}
