import Table from 'cli-table3';
import type { RunSpecOutcome } from '../service/runSpec';

/** The documented `--json` object: one per run, on stdout. */
export function summaryJson(outcome: RunSpecOutcome, dbPath: string | null): Record<string, unknown> {
  const { result, runId } = outcome;
  const m = result.metrics;
  return {
    run_id: runId,
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
    final_equity: m.finalEquity,
    total_return_pct: m.totalReturnPct,
    cagr_pct: m.cagrPct,
    closed_trades: m.closedTrades,
    open_trades: m.openTrades,
    max_drawdown_pct: m.maxDrawdownPct,
    sharpe: m.sharpe,
    commissions: m.commissions,
    slippage: m.slippage,
    orders: result.totals.orders,
    fills: result.totals.fills,
    bars: result.bars,
    sessions: result.sessions,
    elapsed_ms: Math.round(result.elapsedMs * 1000) / 1000,
    data_fingerprint: outcome.dataFingerprint,
    db: dbPath,
    metrics: m,
  };
}

const fmt = (v: number | null, digits = 2, suffix = ''): string =>
  v === null || v === undefined ? '-' : `${v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })}${suffix}`;

/** The summary table printed on a terminal. */
export function summaryTable(outcome: RunSpecOutcome, fillTiming: string): string {
  const { result } = outcome;
  const m = result.metrics;
  const t = new Table({
    head: ['metric', 'value'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  const rows: [string, string][] = [
    ['run id', outcome.runId ?? '(in memory)'],
    ['status', result.status + (result.error ? `: ${result.error}` : '')],
    ['fill timing', fillTiming === 'same_close' ? 'same_close (OPTIMISTIC: fills at the decision bar\'s close)' : fillTiming],
    ['final equity', fmt(m.finalEquity)],
    ['total return', fmt(m.totalReturnPct, 2, ' %')],
    ['buy & hold return', fmt(m.buyAndHoldReturnPct, 2, ' %')],
    ['CAGR', fmt(m.cagrPct, 2, ' %')],
    ['annual volatility', fmt(m.annualVolatilityPct, 2, ' %')],
    ['Sharpe', fmt(m.sharpe, 3)],
    ['Sortino', fmt(m.sortino, 3)],
    ['Calmar', fmt(m.calmar, 3)],
    ['max drawdown', fmt(m.maxDrawdownPct, 2, ' %')],
    ['max drawdown duration', `${fmt(m.maxDrawdownDurationDays, 0)} days`],
    ['exposure time', fmt(m.exposureTimePct, 1, ' %')],
    ['turnover (annual)', fmt(m.turnover, 2, 'x')],
    ['closed / open trades', `${m.closedTrades} / ${m.openTrades}`],
    ['win rate', fmt(m.winRatePct, 1, ' %')],
    ['profit factor', fmt(m.profitFactor, 3)],
    ['avg win / avg loss', `${fmt(m.avgWin)} / ${fmt(m.avgLoss)}`],
    ['expectancy', fmt(m.expectancy)],
    ['SQN', fmt(m.sqn, 2)],
    ['commissions', fmt(m.commissions)],
    ['slippage', fmt(m.slippage)],
    ['orders / fills', `${result.totals.orders} / ${result.totals.fills}`],
    ['bars (instrument-sessions)', String(result.bars)],
    ['engine time', `${result.elapsedMs.toFixed(1)} ms`],
  ];
  for (const r of rows) t.push(r);
  return t.toString();
}
