import { EXIT_REASONS, type ExitReason, type TradeRowDto } from '../../../../core/ipc/contract/backtests';

export type Outcome = 'win' | 'loss';
/** An open trade has no exit reason; the filter lists it as its own choice. */
export type ReasonChoice = ExitReason | 'OPEN';

/** Each filter null means "all". */
export interface TradeFilter {
  symbol: string | null;
  side: 'LONG' | 'SHORT' | null;
  outcome: Outcome | null;
  reason: ReasonChoice | null;
}

export const NO_FILTER: TradeFilter = { symbol: null, side: null, outcome: null, reason: null };

export const REASON_LABELS: Record<ReasonChoice, string> = {
  SIGNAL: 'Signal',
  STOP: 'Stop',
  TARGET: 'Target',
  TRAILING_STOP: 'Trailing stop',
  END_OF_RUN: 'End of run',
  MARGIN_CALL: 'Margin call',
  RISK: 'Risk',
  OPEN: 'Still open',
};

/** A win made money net of costs; breaking even is not a win. */
export function outcomeOf(t: Pick<TradeRowDto, 'pnl'>): Outcome {
  return (t.pnl ?? 0) > 0 ? 'win' : 'loss';
}

export function reasonOf(t: Pick<TradeRowDto, 'status' | 'exitReason'>): ReasonChoice | null {
  return t.status === 'OPEN' ? 'OPEN' : t.exitReason;
}

export function filterTrades<T extends TradeRowDto>(trades: readonly T[], f: TradeFilter): T[] {
  return trades.filter(
    (t) =>
      (f.symbol === null || t.instrument === f.symbol) &&
      (f.side === null || t.direction === f.side) &&
      (f.outcome === null || outcomeOf(t) === f.outcome) &&
      (f.reason === null || reasonOf(t) === f.reason),
  );
}

/** The symbols and exit reasons the trades have, for the filters' choices. */
export function filterOptions(trades: readonly TradeRowDto[]): { symbols: string[]; reasons: ReasonChoice[] } {
  const symbols = [...new Set(trades.map((t) => t.instrument))].sort();
  const present = new Set(trades.map(reasonOf));
  const reasons = [...EXIT_REASONS, 'OPEN' as const].filter((r) => present.has(r));
  return { symbols, reasons };
}

export interface ScatterPoint {
  id: string;
  instrument: string;
  /** Adverse excursion as a positive % of the entry value, so the worse the further right. */
  maePct: number;
  mfePct: number;
  returnPct: number;
  outcome: Outcome;
}

/** One point per trade with excursions; trades stored before they were kept have none and are left out. */
export function scatterPoints(trades: readonly TradeRowDto[], idOf: (t: TradeRowDto) => string): ScatterPoint[] {
  const out: ScatterPoint[] = [];
  for (const t of trades) {
    if (t.maePct === null || t.mfePct === null) continue;
    out.push({ id: idOf(t), instrument: t.instrument, maePct: -t.maePct, mfePct: t.mfePct, returnPct: t.returnPct ?? 0, outcome: outcomeOf(t) });
  }
  return out;
}

export interface PnlBin {
  /** Lower and upper edge of the bin, in money; the last bin includes its upper edge. */
  from: number;
  to: number;
  count: number;
  /** Where the bar is drawn: the bin's middle. */
  mid: number;
}

/** Net P&L in `bins` equal-width bins from the smallest to the largest; one bin when all are equal. */
export function pnlHistogram(pnls: readonly number[], bins = 20): PnlBin[] {
  if (pnls.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of pnls) {
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  if (lo === hi) return [{ from: lo, to: hi, count: pnls.length, mid: lo }];
  const width = (hi - lo) / bins;
  const out: PnlBin[] = Array.from({ length: bins }, (_, k) => {
    const from = lo + k * width;
    const to = k === bins - 1 ? hi : lo + (k + 1) * width;
    return { from, to, count: 0, mid: (from + to) / 2 };
  });
  for (const p of pnls) out[Math.min(bins - 1, Math.floor((p - lo) / width))].count++;
  return out;
}
