import Table from 'cli-table3';
import type { RoundTrip } from '../backtest/tradeTracker';
import type { RunSpecOutcome } from '../service/runSpec';
import type { ResolvedSpec } from '../config/loadSpec';
import type { IntrabarTotals } from '../sim/BacktestBroker';

/** A daily bar's date (its stamp is midnight UTC), or an intraday bar's UTC time. */
export const isoDay = (ts: number): string => new Date(ts).toISOString().replace('T00:00:00.000Z', '').replace('.000Z', 'Z');

/** A round trip still open at the end, as --json lists it: marked at the last close. */
function openTradeJson(t: RoundTrip): Record<string, unknown> {
  return {
    instrument: t.instrument,
    direction: t.direction,
    quantity: t.quantity,
    entry_date: isoDay(t.entryTs),
    entry_price: t.entryPrice,
    mark_date: isoDay(t.exitTs),
    mark_price: t.markPrice,
    unrealized_pnl: t.unrealizedPnl,
    pnl: t.pnl,
    mae: t.mae,
    mae_pct: t.maePct,
    mfe: t.mfe,
    mfe_pct: t.mfePct,
  };
}

/** The documented `--json` object: one per run, on stdout. */
export function summaryJson(outcome: RunSpecOutcome, dbPath: string | null, spec: ResolvedSpec): Record<string, unknown> {
  const { result, runId } = outcome;
  const m = result.metrics;
  return {
    run_id: runId,
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
    fill_timing: spec.simulator.fill_timing,
    intrabar_policy: spec.simulator.intrabar_policy,
    intrabar_ambiguous_bars: result.intrabar.ambiguous,
    intrabar_without_finer_bars: result.intrabar.finerBarsMissing,
    risk_checks: spec.riskChecks === 'off' ? 'off' : 'on',
    final_equity: m.finalEquity,
    total_return_pct: m.totalReturnPct,
    cagr_pct: m.cagrPct,
    closed_trades: m.closedTrades,
    open_trades: m.openTrades,
    open_trade_list: result.openTrades.map(openTradeJson),
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
export function summaryTable(outcome: RunSpecOutcome, spec: ResolvedSpec): string {
  const { result } = outcome;
  const fillTiming = spec.simulator.fill_timing;
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
    ['intrabar policy', intrabarText(spec.simulator.intrabar_policy, result.intrabar)],
    ['risk checks', riskText(spec.riskChecks)],
    ['final equity', fmt(m.finalEquity)],
    ['total return', fmt(m.totalReturnPct, 2, ' %')],
    ['buy & hold return', fmt(m.buyAndHoldReturnPct, 2, ' %')],
    ['CAGR', fmt(m.cagrPct, 2, ' %')],
    ['annualised return', fmt(m.annualReturnPct, 2, ' %')],
    ['annual volatility', fmt(m.annualVolatilityPct, 2, ' %')],
    ['Sharpe', fmt(m.sharpe, 3)],
    ['Sortino', fmt(m.sortino, 3)],
    ['Calmar', fmt(m.calmar, 3)],
    ['alpha (annual) / beta', `${fmt(m.alphaPct, 2, ' %')} / ${fmt(m.beta, 3)}`],
    ['max drawdown', fmt(m.maxDrawdownPct, 2, ' %')],
    ['max drawdown duration', `${fmt(m.maxDrawdownDurationDays, 0)} days`],
    ['avg drawdown', `${fmt(m.avgDrawdownPct, 2, ' %')} over ${fmt(m.avgDrawdownDurationDays, 0)} days`],
    ['exposure time', fmt(m.exposureTimePct, 1, ' %')],
    ['turnover (annual)', fmt(m.turnover, 2, 'x')],
    ['closed / open trades', `${m.closedTrades} / ${m.openTrades}`],
    ['win rate', fmt(m.winRatePct, 1, ' %')],
    ['profit factor', fmt(m.profitFactor, 3)],
    ['avg win / avg loss', `${fmt(m.avgWin)} / ${fmt(m.avgLoss)}`],
    ['expectancy', `${fmt(m.expectancy)} (${fmt(m.expectancyPct, 2, ' %')})`],
    ['Kelly', fmt(m.kelly, 3)],
    ['SQN', fmt(m.sqn, 2)],
    ['commissions', fmt(m.commissions)],
    ['slippage', fmt(m.slippage)],
    ['orders / fills', `${result.totals.orders} / ${result.totals.fills}`],
    ['bars (instrument-sessions)', String(result.bars)],
    ['engine time', `${result.elapsedMs.toFixed(1)} ms`],
  ];
  for (const r of rows) t.push(r);
  return result.openTrades.length === 0 ? t.toString() : `${t.toString()}\n${openTradesTable(result.openTrades)}`;
}

/** The policy, and how often a bar reached two orders of one OCO group (and finer_bars had nothing to replay). */
export function intrabarText(policy: string, t: IntrabarTotals): string {
  const bars = `${t.ambiguous} bar${t.ambiguous === 1 ? '' : 's'} reached two orders of one OCO group`;
  const missing = t.finerBarsMissing > 0 ? `; ${t.finerBarsMissing} without finer bars, decided worst_case` : '';
  return `${policy} (${bars}${missing})`;
}

/** Which limits the run's orders passed: the ones set, or off. */
export function riskText(checks: ResolvedSpec['riskChecks']): string {
  if (checks === 'off') return 'off (risk_checks: off)';
  const set = Object.entries(checks).filter(([key, v]) => (key === 'allowed_symbols' ? (v as string[]).length > 0 : v !== null));
  return set.length === 0 ? 'on, no limit set' : `on: ${set.map(([key, v]) => `${key} ${JSON.stringify(v)}`).join(', ')}`;
}

/** The round trips still open at the end, marked at the last close. */
function openTradesTable(trades: readonly RoundTrip[]): string {
  const t = new Table({
    head: ['open at the end', 'side', 'quantity', 'entry', 'entry price', 'mark', 'unrealized P&L'],
    style: { head: [], border: [] },
  });
  for (const o of trades) {
    t.push([o.instrument, o.direction, fmt(o.quantity, 0), isoDay(o.entryTs), fmt(o.entryPrice), fmt(o.markPrice), fmt(o.unrealizedPnl)]);
  }
  return t.toString();
}
