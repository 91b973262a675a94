import type { Bar } from '../data/BarSeries';
import type { Timestamp } from '../domain/order';

export type BarField = 'open' | 'high' | 'low' | 'close' | 'volume';

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
  /** The last `n` values up to and including the latest bar, oldest first (fewer when history is short). Read-only. */
  history(symbol: string, field: BarField, n: number): Float64Array;
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
