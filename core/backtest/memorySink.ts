import type { Fill, Order, Timestamp } from '../domain/order';
import type { Position } from '../domain/portfolio';
import type { EquityPoint, RunSink } from './RunSink';
import type { RoundTrip } from './tradeTracker';

/** A RunSink that keeps every record in arrays: for tests and small runs inspected in process. */
export class MemorySink implements RunSink {
  readonly orders: Order[] = [];
  readonly fills: Fill[] = [];
  readonly positions: { ts: Timestamp; position: Position }[] = [];
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
  position(ts: Timestamp, position: Position): void {
    this.positions.push({ ts, position });
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
