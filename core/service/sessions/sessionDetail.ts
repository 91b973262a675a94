import type Database from 'better-sqlite3';
import { stringify } from 'yaml';
import type { ResolvedSpec } from '../../config/loadSpec';
import type { SessionDetailDto, SessionSummaryDto } from '../../ipc/contract/sessions';
import { compareWithShadow, shadowBacktest, type LiveVsBacktest } from '../../session/shadow';
import {
  firstLiveTs,
  sessionEquity,
  sessionFills,
  sessionOrders,
  sessionSeries,
  type SessionOrderRow,
  type SessionRow,
} from '../../store/strategySessions';
import { liveExecution } from '../execution/runExecution';
import { resolveStrategy } from '../resolveStrategy';
import { recordedConfig, riskOf } from '../runSpec';
import { specInputOf } from '../backtests/specInputOf';

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ms = (from: number | null, to: number | null): number | null => (from === null || to === null ? null : to - from);

/** Where a session stands against its shadow backtest, with its orders, actions, statistics and a cost fit. */
export async function sessionDetail(db: Database.Database, row: SessionRow, summary: SessionSummaryDto): Promise<SessionDetailDto> {
  const spec = JSON.parse(row.specJson) as ResolvedSpec;
  const orders = sessionOrders(db, row.id);
  const byRef = new Map(orders.map((o) => [o.clientOrderRef, o]));
  const fills = sessionFills(db, row.id).map((f) => {
    const o = byRef.get(f.clientOrderRef);
    return { ...f, decisionPrice: o?.decisionPrice ?? null, arrivalQuote: o?.arrivalQuote ?? null, submitMs: ms(o?.decidedAt ?? null, o?.sentAt ?? null), ackMs: ms(o?.sentAt ?? null, o?.acknowledgedAt ?? null), fillMs: ms(o?.sentAt ?? null, o?.filledAt ?? null) };
  });
  const curve = sessionEquity(db, row.id);
  let cmp: LiveVsBacktest;
  let shadowError: string | null = null;
  try {
    cmp = await compare(db, row, spec, curve, fills);
  } catch (err) {
    shadowError = err instanceof Error ? err.message : String(err);
    cmp = compareWithShadow({ curve, fills }, null);
  }
  const ended = orders.filter((o) => o.status !== null && ['FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED'].includes(o.status));
  const filled = orders.filter((o) => o.status === 'FILLED').length;
  const rejected = orders.filter((o) => o.status === 'REJECTED').length;
  const actions = db
    .prepare('SELECT ts, action, instrument, detail_json AS detail FROM executed_actions WHERE session_id = ? ORDER BY ts, row')
    .all(row.id) as SessionDetailDto['actions'];
  let cost = 0;
  let traded = 0;
  for (const f of cmp.fills) {
    if (!f.live || f.slippageVsDecisionBps === null) continue;
    const value = f.live.quantity * f.live.price;
    cost += (f.slippageVsDecisionBps * value) / 1e4 + f.live.commission;
    traded += value;
  }
  return {
    session: summary,
    curve: cmp.curve,
    fills: cmp.fills,
    orders: orders.map((o) => ({ ...o, side: o.side })),
    actions,
    summary: {
      ...cmp.summary,
      fillRate: orders.length > 0 ? filled / orders.length : null,
      rejectionRate: orders.length > 0 ? rejected / orders.length : null,
      implementationShortfallBps: traded > 0 ? (cost / traded) * 1e4 : null,
      medianAckMs: median(orders.flatMap((o) => (o.acknowledgedAt === null ? [] : [o.acknowledgedAt - o.sentAt]))),
      medianFillMs: median(orders.flatMap((o) => (o.filledAt === null ? [] : [o.filledAt - o.sentAt]))),
    },
    calibration: calibrate(spec, cmp, ended),
    execution: liveExecution(db, row.mode, row.refPrefix),
    shadowError,
  };
}

async function compare(
  db: Database.Database,
  row: SessionRow,
  spec: ResolvedSpec,
  curve: readonly { ts: number; equity: number }[],
  fills: Parameters<typeof compareWithShadow>[0]['fills'],
): Promise<LiveVsBacktest> {
  const start = firstLiveTs(db, row.id);
  if (start === null) return compareWithShadow({ curve, fills }, null);
  const symbols = (db.prepare('SELECT DISTINCT symbol FROM session_bars WHERE session_id = ? ORDER BY symbol').all(row.id) as { symbol: string }[]).map((r) => r.symbol);
  const series = sessionSeries(db, row.id, symbols, row.barSeconds);
  const strategy = await resolveStrategy(spec.strategy, { symbols, baseDir: spec.baseDir }, spec.file);
  const shadow = shadowBacktest({
    series,
    start,
    strategy: strategy.strategy,
    initialCash: row.initialCash,
    seed: spec.seed,
    sim: spec.simulator,
    planner: { ...spec.planner, size_at: 'decision' },
    strict: true,
    risk: riskOf(spec),
  });
  return compareWithShadow({ curve, fills }, shadow);
}

/**
 * Fits the simulator's costs to the session's own fills: the average cost of its market fills
 * against the decision's close is the simulator's half-spread plus slippage; the spec's spread is
 * kept (fills alone cannot tell the two apart) and the rest becomes slippage. The limit fill
 * probability is the share of the session's ended limit orders that filled.
 */
function calibrate(spec: ResolvedSpec, cmp: LiveVsBacktest, ended: readonly SessionOrderRow[]): SessionDetailDto['calibration'] {
  const current = { slippageBps: spec.simulator.slippage_bps, spreadBps: spec.simulator.spread_bps, limitFillProb: spec.simulator.limit_fill_prob };
  const used = cmp.fills.filter((f) => f.live !== null && f.slippageVsDecisionBps !== null);
  const w = used.reduce((s, f) => s + (f.live?.quantity ?? 0), 0);
  const mean = w > 0 ? used.reduce((s, f) => s + (f.slippageVsDecisionBps ?? 0) * (f.live?.quantity ?? 0), 0) / w : null;
  const slippageBps = mean === null ? null : Math.max(0, Math.round((mean - current.spreadBps / 2) * 100) / 100);
  const limits = ended.filter((o) => o.type === 'LIMIT');
  const limitFillProb = limits.length > 0 ? limits.filter((o) => o.status === 'FILLED').length / limits.length : null;
  const specYaml =
    slippageBps === null
      ? null
      : stringify({
          ...specInputOf(recordedConfig(spec, []), `${spec.name}-calibrated`),
          simulator: { ...spec.simulator, slippage_bps: slippageBps, spread_bps: current.spreadBps, ...(limitFillProb === null ? {} : { limit_fill_prob: limitFillProb }) },
        });
  return { fills: used.length, slippageBps, spreadBps: slippageBps === null ? null : current.spreadBps, limitFillProb, current, specYaml };
}
