import type { Bar } from '../data/BarSeries';
import type { Timestamp } from '../domain/order';

export type BarField = 'open' | 'high' | 'low' | 'close' | 'volume';

/**
 * One symbol's bars through a view, found once: for a strategy that reads the same symbols every session, it
 * saves looking the symbol up on each read. Gated like the view: only bars stamped at or before asOf.
 */
export interface SymbolBars {
  readonly symbol: string;
  /** Number of bars stamped at or before asOf. */
  count(): number;
  /** The close `ago` bars back from the latest (0 = latest); NaN when out of history. Negative `ago` is look-ahead. */
  close(ago?: number): number;
  value(field: BarField, ago?: number): number;
}

/**
 * What a strategy sees of the market: every read is gated to bars stamped at or before `asOf`.
 * In strict mode a read of later data throws LookAheadError; otherwise it yields NaN/undefined.
 */
export interface DataView {
  readonly asOf: Timestamp;
  /** Index of the current session in the run's calendar (0-based). */
  readonly sessionIndex: number;
  readonly symbols: readonly string[];
  /** Number of bars of `symbol` stamped at or before asOf. */
  barCount(symbol: string): number;
  /** Timestamp of the latest bar at or before asOf, or NaN when there is none yet. */
  lastTs(symbol: string): Timestamp;
  /**
   * The symbols with a bar stamped exactly at asOf, in the order of `symbols`: the same array
   * (`symbols` itself when all trade) until the set changes, so a strategy can compare it by identity.
   */
  tradingNow(): readonly string[];
  /** A field `ago` bars back from the latest bar (0 = latest). Negative `ago` is look-ahead. NaN when out of history. */
  value(symbol: string, field: BarField, ago?: number): number;
  close(symbol: string, ago?: number): number;
  /** `symbol`'s bars, the same object for as long as this view lives. */
  bars(symbol: string): SymbolBars;
  /** The last `n` values up to and including the latest bar, oldest first (fewer when history is short). Read-only. */
  history(symbol: string, field: BarField, n: number): Float64Array;
  /** The stamps of the last `n` bars up to and including the latest, oldest first (fewer when history is short). */
  stamps(symbol: string, n: number): Float64Array;
  /** The bar stamped exactly `ts`; asking for ts > asOf is look-ahead. */
  barAt(symbol: string, ts: Timestamp): Bar | undefined;
}

export class LookAheadError extends Error {
  constructor(
    readonly symbol: string,
    readonly asOf: Timestamp,
    readonly requested: string,
  ) {
    super(
      `look-ahead: strategy asked for ${requested} of ${symbol} while asOf is ${new Date(asOf).toISOString()} (strict mode)`,
    );
    this.name = 'LookAheadError';
  }
}
