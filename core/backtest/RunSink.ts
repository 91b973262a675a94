import type { Fill, Order, Timestamp } from '../domain/order';
import type { HeldPositions } from '../domain/portfolio';
import type { RoundTrip } from './tradeTracker';

export interface EquityPoint {
  ts: Timestamp;
  cash: number;
  equity: number;
  grossExposure: number;
  netExposure: number;
  /** Fraction below the running peak (0 at a peak, -0.2 twenty percent under it). */
  drawdown: number;
  benchmarkEquity: number;
}

/** Where a run's records go: the SQLite store, or nowhere for an in-memory run. */
export interface RunSink {
  /** An order in its final state for the run (terminal, or still working when the run ended). */
  order(order: Order): void;
  fill(fill: Fill): void;
  /** The positions held at the close of session `ts`, when there are any (valid only during the call). */
  positions(ts: Timestamp, held: HeldPositions): void;
  equity(point: EquityPoint): void;
  trade(trade: RoundTrip): void;
  target(ts: Timestamp, kind: 'weight' | 'quantity', instrument: string, value: number): void;
  /** Something the engine did on its own account, e.g. a margin call's liquidation. */
  action(ts: Timestamp, action: string, instrument: string | null, detail: Record<string, unknown>): void;
  /** Called every few thousand sessions and at the end: writes what is buffered, atomically. */
  flush(sessionsDone: number): void;
  /**
   * Once the run is over: resolves when everything flushed is stored and the sink's resources (a
   * writer thread) are released; rejects if storing failed. Sinks with nothing to release omit it.
   */
  close?(): Promise<void>;
}
