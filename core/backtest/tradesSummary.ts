import type { RoundTrip } from './tradeTracker';

/** Running statistics over closed round trips: enough for every trade metric without keeping the trades. */
export interface TradeSummary {
  count: number;
  /** Trades with pnl > 0. */
  wins: number;
  /** Trades with pnl < 0 (breakeven trades are neither). */
  losses: number;
  /** Sum of winning pnl (>= 0). */
  grossWin: number;
  /** Sum of losing pnl (<= 0). */
  grossLoss: number;
  meanPnl: number;
  /** Sum of squared deviations from the mean pnl (Welford's M2), for the sample variance. */
  m2Pnl: number;
  /** Largest pnl among winners; null when none. */
  largestWin: number | null;
  /** Most negative pnl among losers; null when none. */
  largestLoss: number | null;
  sumBarsHeld: number;
  /** Sum of the trades' returnPct, for the mean return per trade. */
  sumReturnPct: number;
}

export function emptyTradeSummary(): TradeSummary {
  return {
    count: 0,
    wins: 0,
    losses: 0,
    grossWin: 0,
    grossLoss: 0,
    meanPnl: 0,
    m2Pnl: 0,
    largestWin: null,
    largestLoss: null,
    sumBarsHeld: 0,
    sumReturnPct: 0,
  };
}

/** Folds round trips into a TradeSummary one at a time (Welford's update keeps the variance stable). */
export class TradeSummaryAccumulator {
  private readonly s = emptyTradeSummary();

  add(trip: Pick<RoundTrip, 'pnl' | 'barsHeld' | 'returnPct'>): void {
    const s = this.s;
    const { pnl } = trip;
    s.count++;
    const delta = pnl - s.meanPnl;
    s.meanPnl += delta / s.count;
    s.m2Pnl += delta * (pnl - s.meanPnl);
    if (pnl > 0) {
      s.wins++;
      s.grossWin += pnl;
      s.largestWin = s.largestWin === null ? pnl : Math.max(s.largestWin, pnl);
    } else if (pnl < 0) {
      s.losses++;
      s.grossLoss += pnl;
      s.largestLoss = s.largestLoss === null ? pnl : Math.min(s.largestLoss, pnl);
    }
    s.sumBarsHeld += trip.barsHeld;
    s.sumReturnPct += trip.returnPct;
  }

  summary(): TradeSummary {
    return { ...this.s };
  }
}

export function summarizeTrades(trips: Iterable<Pick<RoundTrip, 'pnl' | 'barsHeld' | 'returnPct'>>): TradeSummary {
  const acc = new TradeSummaryAccumulator();
  for (const t of trips) acc.add(t);
  return acc.summary();
}
