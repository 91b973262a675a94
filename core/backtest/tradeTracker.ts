import { sideSign, type TradeStatus } from '../domain/enums';
import type { Fill, Timestamp } from '../domain/order';
import { TradeSummaryAccumulator, type TradeSummary } from './tradesSummary';

export type TradeDirection = 'LONG' | 'SHORT';

/**
 * One position lifecycle: from flat (or a sign flip) back to flat (or the next flip). Adds and
 * partial reductions in between belong to the same trip, so a daily rebalance does not turn into
 * thousands of slivers.
 */
export interface RoundTrip {
  instrument: string;
  direction: TradeDirection;
  /** Units entered over the trip (for an open trip: the units held now). Always positive. */
  quantity: number;
  entryTs: Timestamp;
  /** Volume-weighted price of the entries. */
  entryPrice: number;
  /** For an open trade: the time it was marked at. */
  exitTs: Timestamp;
  /** Volume-weighted price of the exits; for an open trade, exits so far and the rest at the mark. */
  exitPrice: number;
  /** Net of every commission paid in the trip. */
  pnl: number;
  /** pnl / (entryPrice * entered quantity) * 100. */
  returnPct: number;
  commission: number;
  /** Exit session index minus entry session index (for an open trade: the mark's session). */
  barsHeld: number;
  /** OPEN: still held when the run ended; exitTs, exitPrice and pnl are then as marked at the last close. */
  status: TradeStatus;
  /** For an open trade: the price the units still held are marked at (the last close); null once closed. */
  markPrice: number | null;
  /** For an open trade: held units x (markPrice - entryPrice), signed by direction, before commissions; null once closed. */
  unrealizedPnl: number | null;
}

interface Trip {
  sign: 1 | -1;
  /** Units held now (positive). */
  held: number;
  enteredQty: number;
  enteredValue: number;
  exitedQty: number;
  exitedValue: number;
  commission: number;
  ts: Timestamp;
  sessionIndex: number;
}

const NONE: readonly RoundTrip[] = Object.freeze([]);

/** Quantities below this are float dust from fractional fills, not a position. */
const QTY_EPS = 1e-9;

/**
 * Turns fills into round trips, one per position lifecycle, in O(1) per fill. A fill that flips the
 * position closes the trip with the part that reaches flat and opens the next with the rest;
 * commissions are apportioned between the two by quantity.
 */
export class TradeTracker {
  private readonly trips = new Map<string, Trip>();
  private closed: RoundTrip[] = [];
  private readonly summaryAcc = new TradeSummaryAccumulator();
  private lastTs: Timestamp = NaN;
  private lastSessionIndex = 0;

  onFill(fill: Fill, sessionIndex: number): void {
    if (!(fill.quantity > 0) || !Number.isFinite(fill.price)) {
      throw new Error(`TradeTracker: fill ${fill.id} of ${fill.instrument} has quantity ${fill.quantity} / price ${fill.price}`);
    }
    this.lastTs = fill.timestamp;
    this.lastSessionIndex = sessionIndex;
    const sign = sideSign(fill.side);
    let remaining = fill.quantity;
    const trip = this.trips.get(fill.instrument);
    if (trip && trip.sign !== sign) {
      const qty = Math.min(remaining, trip.held);
      trip.exitedQty += qty;
      trip.exitedValue += qty * fill.price;
      trip.commission += (fill.commission * qty) / fill.quantity;
      trip.held -= qty;
      remaining -= qty;
      if (trip.held <= QTY_EPS) {
        this.trips.delete(fill.instrument);
        this.record(this.roundTrip(fill.instrument, trip, fill.price, fill.timestamp, sessionIndex, true));
      }
    } else if (trip) {
      trip.held += remaining;
      trip.enteredQty += remaining;
      trip.enteredValue += remaining * fill.price;
      trip.commission += fill.commission;
      return;
    }
    if (remaining > QTY_EPS) {
      this.trips.set(fill.instrument, {
        sign,
        held: remaining,
        enteredQty: remaining,
        enteredValue: remaining * fill.price,
        exitedQty: 0,
        exitedValue: 0,
        commission: (fill.commission * remaining) / fill.quantity,
        ts: fill.timestamp,
        sessionIndex,
      });
    }
  }

  /** Closed round trips not yet taken, oldest first. */
  closedTrades(): RoundTrip[] {
    return [...this.closed];
  }

  /** Returns and forgets the closed round trips so far; the summary keeps counting them. */
  takeClosed(): readonly RoundTrip[] {
    if (this.closed.length === 0) return NONE;
    const out = this.closed;
    this.closed = [];
    return out;
  }

  /** Statistics over every round trip closed so far, taken or not. */
  summary(): TradeSummary {
    return this.summaryAcc.summary();
  }

  /** Open trips as round trips marked at `marks(instrument)`; `at` defaults to the last fill's time and session. */
  openTrades(
    marks: (instrument: string) => number,
    at: { ts: Timestamp; sessionIndex: number } = { ts: this.lastTs, sessionIndex: this.lastSessionIndex },
  ): RoundTrip[] {
    const out: RoundTrip[] = [];
    for (const [instrument, trip] of this.trips) out.push(this.roundTrip(instrument, trip, marks(instrument), at.ts, at.sessionIndex, false));
    return out;
  }

  /** Number of open trips (one per instrument held). */
  openCount(): number {
    return this.trips.size;
  }

  private record(trip: RoundTrip): void {
    this.closed.push(trip);
    this.summaryAcc.add(trip);
  }

  private roundTrip(instrument: string, t: Trip, mark: number, exitTs: Timestamp, exitSession: number, closed: boolean): RoundTrip {
    const exitedValue = t.exitedValue + t.held * mark;
    const exitedQty = t.exitedQty + t.held;
    const pnl = t.sign * (exitedValue - t.enteredValue) - t.commission;
    const entryPrice = t.enteredValue / t.enteredQty;
    return {
      instrument,
      direction: t.sign > 0 ? 'LONG' : 'SHORT',
      quantity: closed ? t.enteredQty : t.held,
      entryTs: t.ts,
      entryPrice,
      exitTs,
      exitPrice: exitedValue / exitedQty,
      pnl,
      returnPct: t.enteredValue !== 0 ? (100 * pnl) / t.enteredValue : 0,
      commission: t.commission,
      barsHeld: exitSession - t.sessionIndex,
      status: closed ? 'CLOSED' : 'OPEN',
      markPrice: closed ? null : mark,
      unrealizedPnl: closed ? null : t.sign * t.held * (mark - entryPrice),
    };
  }
}
