import { sideSign, type ExitReason, type TradeStatus } from '../domain/enums';
import type { Fill, Order, Timestamp } from '../domain/order';
import { exitReasonOf } from './tradeTrackerExitReason';
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
  /**
   * Maximum adverse excursion: the trip's lowest P&L before commissions (<= 0) at any bar's high or
   * low while it lived, entry and exit bars included, with the units it held then (see README, Trades).
   */
  mae: number;
  /** mae / entered value x 100, like returnPct. */
  maePct: number;
  /** Maximum favourable excursion: the trip's highest P&L before commissions (>= 0), as mae. */
  mfe: number;
  mfePct: number;
  /** Why it closed, from the order of the fill that closed it; null while open. */
  exitReason: ExitReason | null;
  /** Net P&L of every trip closed up to and including this one (an open trip: plus the open ones listed before it). */
  cumulativePnl: number;
}

/** The session's bars the trips are valued on: high and low by instrument index, updated in place. */
export interface TripBars {
  readonly high: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  /** The instrument's index in high/low, or -1 if the bars do not have it. */
  indexOf(instrument: string): number;
}

/** The parts of the order behind a fill that say why it happened. */
export type FillOrder = Pick<Order, 'type' | 'metadata'> & Partial<Pick<Order, 'extras'>>;

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
  /** Index into the bars' high/low (-1: none). */
  bar: number;
  /** Position in the tracker's dense list of open trips. */
  slot: number;
  /** Lowest and highest P&L before commissions seen so far. */
  mae: number;
  mfe: number;
}

const NONE: readonly RoundTrip[] = Object.freeze([]);

/** Quantities below this are float dust from fractional fills, not a position. */
const QTY_EPS = 1e-9;

/** Folds the trip's P&L at `hi` and at `lo` into its excursions; P&L is linear in the price, so these are its extremes. */
function excursion(t: Trip, hi: number, lo: number): void {
  if (Number.isNaN(hi) || Number.isNaN(lo)) return;
  const base = t.sign * (t.exitedValue - t.enteredValue);
  const a = base + t.sign * t.held * hi;
  const b = base + t.sign * t.held * lo;
  if (a < t.mae) t.mae = a;
  if (b < t.mae) t.mae = b;
  if (a > t.mfe) t.mfe = a;
  if (b > t.mfe) t.mfe = b;
}

/**
 * Turns fills into round trips, one per position lifecycle, in O(1) per fill. A fill that flips the
 * position closes the trip with the part that reaches flat and opens the next with the rest;
 * commissions are apportioned between the two by quantity. Given the session's bars, it also
 * tracks each open trip's excursions: onBar is O(open trips) and allocates nothing.
 */
export class TradeTracker {
  /** Open trips by instrument, in the order they opened. */
  private readonly trips = new Map<string, Trip>();
  /** The same trips by the bars' instrument number, when there are bars. */
  private readonly tripAt: (Trip | undefined)[] = [];
  /** The same trips, dense, so the per-bar pass is a plain indexed loop. */
  private readonly active: Trip[] = [];
  private closed: RoundTrip[] = [];
  private readonly summaryAcc = new TradeSummaryAccumulator();
  private lastTs: Timestamp = NaN;
  private lastSessionIndex = 0;
  private cumulativePnl = 0;

  constructor(private readonly bars: TripBars | null = null) {}

  /** At a session's close, after its fills: folds the bar's high and low into every open trip. */
  onBar(): void {
    const bars = this.bars;
    if (!bars) return;
    const { high, low } = bars;
    const active = this.active;
    for (let k = 0; k < active.length; k++) {
      const t = active[k];
      if (t.bar >= 0) excursion(t, high[t.bar], low[t.bar]);
    }
  }

  /** `order` is the fill's order: it gives the exit reason when this fill closes a trip. */
  onFill(fill: Fill, sessionIndex: number, order: FillOrder | null = null): void {
    // With bars, trips are found by the bars' instrument number (cheaper than the map on every fill).
    const bar = this.bars ? this.bars.indexOf(fill.instrument) : -1;
    this.take(fill, fill.instrument, bar, sideSign(fill.side), fill.quantity, fill.price, fill.commission, fill.timestamp, sessionIndex, order);
  }

  /**
   * onFill for a fill of `order` given by its parts, with the bars' instrument number `bar` already
   * known: the backtest's broker reports its fills this way, so no Fill object is built for them.
   */
  onFillOf(order: Order, bar: number, quantity: number, price: number, commission: number, ts: Timestamp, sessionIndex: number): void {
    this.take(order, order.instrument, bar, sideSign(order.side), quantity, price, commission, ts, sessionIndex, order);
  }

  /** `source` names the fill in an error: the Fill itself, or the order it filled. */
  private take(
    source: Fill | Order,
    instrument: string,
    bar: number,
    sign: 1 | -1,
    quantity: number,
    price: number,
    commission: number,
    ts: Timestamp,
    sessionIndex: number,
    order: FillOrder | null,
  ): void {
    if (!(quantity > 0) || !Number.isFinite(price)) {
      const which = 'orderId' in source ? `fill ${source.id}` : `a fill of order ${source.id}`;
      throw new Error(`TradeTracker: ${which} of ${instrument} has quantity ${quantity} / price ${price}`);
    }
    this.lastTs = ts;
    this.lastSessionIndex = sessionIndex;
    let remaining = quantity;
    const trip = bar >= 0 ? this.tripAt[bar] : this.trips.get(instrument);
    if (trip && trip.sign !== sign) {
      // The exit bar counts with the units held before this fill, and so does the fill's own price.
      if (this.bars && trip.bar >= 0) excursion(trip, this.bars.high[trip.bar], this.bars.low[trip.bar]);
      excursion(trip, price, price);
      const qty = Math.min(remaining, trip.held);
      trip.exitedQty += qty;
      trip.exitedValue += qty * price;
      trip.commission += (commission * qty) / quantity;
      trip.held -= qty;
      remaining -= qty;
      if (trip.held <= QTY_EPS) {
        this.remove(instrument, trip);
        if (bar >= 0) this.tripAt[bar] = undefined;
        this.record(this.roundTrip(instrument, trip, price, ts, sessionIndex, exitReasonOf(order)));
      }
    } else if (trip) {
      trip.held += remaining;
      trip.enteredQty += remaining;
      trip.enteredValue += remaining * price;
      trip.commission += commission;
      return;
    }
    if (remaining > QTY_EPS) {
      const t: Trip = {
        sign,
        held: remaining,
        enteredQty: remaining,
        enteredValue: remaining * price,
        exitedQty: 0,
        exitedValue: 0,
        commission: (commission * remaining) / quantity,
        ts,
        sessionIndex,
        bar,
        slot: this.active.length,
        mae: 0,
        mfe: 0,
      };
      this.trips.set(instrument, t);
      if (bar >= 0) this.tripAt[bar] = t;
      this.active.push(t);
    }
  }

  private remove(instrument: string, trip: Trip): void {
    this.trips.delete(instrument);
    const last = this.active.pop();
    if (last && last !== trip) {
      last.slot = trip.slot;
      this.active[trip.slot] = last;
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
    let cumulative = this.cumulativePnl;
    for (const [instrument, trip] of this.trips) {
      const t = this.roundTrip(instrument, trip, marks(instrument), at.ts, at.sessionIndex, null);
      cumulative += t.pnl;
      t.cumulativePnl = cumulative;
      out.push(t);
    }
    return out;
  }

  /** Number of open trips (one per instrument held). */
  openCount(): number {
    return this.trips.size;
  }

  private record(trip: RoundTrip): void {
    this.cumulativePnl += trip.pnl;
    trip.cumulativePnl = this.cumulativePnl;
    this.closed.push(trip);
    this.summaryAcc.add(trip);
  }

  /** `exitReason` null: the trip is still open, valued with its held units at `mark`. */
  private roundTrip(instrument: string, t: Trip, mark: number, exitTs: Timestamp, exitSession: number, exitReason: ExitReason | null): RoundTrip {
    const closed = exitReason !== null;
    const exitedValue = t.exitedValue + t.held * mark;
    const exitedQty = t.exitedQty + t.held;
    const gross = t.sign * (exitedValue - t.enteredValue);
    const pnl = gross - t.commission;
    const entryPrice = t.enteredValue / t.enteredQty;
    // The final P&L lies between the excursions even when slippage took the exit outside the bar.
    const mae = Math.min(t.mae, gross);
    const mfe = Math.max(t.mfe, gross);
    const pct = (v: number): number => (t.enteredValue !== 0 ? (100 * v) / t.enteredValue : 0);
    return {
      instrument,
      direction: t.sign > 0 ? 'LONG' : 'SHORT',
      quantity: closed ? t.enteredQty : t.held,
      entryTs: t.ts,
      entryPrice,
      exitTs,
      exitPrice: exitedValue / exitedQty,
      pnl,
      returnPct: pct(pnl),
      commission: t.commission,
      barsHeld: exitSession - t.sessionIndex,
      status: closed ? 'CLOSED' : 'OPEN',
      markPrice: closed ? null : mark,
      unrealizedPnl: closed ? null : t.sign * t.held * (mark - entryPrice),
      mae,
      maePct: pct(mae),
      mfe,
      mfePct: pct(mfe),
      exitReason,
      cumulativePnl: 0,
    };
  }
}
