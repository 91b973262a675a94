import { MemorySink } from '../backtest/memorySink';
import { runBacktest, type RunInput, type RunResult } from '../backtest/runner';
import type { Side } from '../domain/enums';
import type { Timestamp } from '../domain/order';

/** A session's fill as the comparison reads it (the store's session fills). */
export interface LiveFill {
  decisionTs: Timestamp;
  instrument: string;
  side: Side;
  quantity: number;
  price: number;
  commission: number;
  /** The close the decision saw; null when unknown. */
  decisionPrice: number | null;
  /** The broker's quote when the order went out; null when unknown. */
  arrivalQuote: number | null;
  /** Latency from the decision to sending, and from sending to the venue's acknowledgement and to its fill; null when not known. */
  submitMs: number | null;
  ackMs: number | null;
  fillMs: number | null;
}

/** One decision's fill of one instrument and side, live and in the shadow backtest, side by side. */
export interface FillPair {
  decisionTs: Timestamp;
  instrument: string;
  side: Side;
  decisionPrice: number | null;
  arrivalQuote: number | null;
  live: { quantity: number; price: number; commission: number } | null;
  backtest: { quantity: number; price: number; commission: number } | null;
  /** Positive: the live fill was worse for the trader than the decision's close, in basis points. */
  slippageVsDecisionBps: number | null;
  /** Positive: the live fill was worse than the quote it went out at. */
  slippageVsQuoteBps: number | null;
  /** Positive: the live fill was worse than the simulator's. */
  slippageVsBacktestBps: number | null;
  submitMs: number | null;
  ackMs: number | null;
  fillMs: number | null;
}

export interface CurvePoint {
  ts: Timestamp;
  live: number | null;
  backtest: number | null;
}

export interface LiveVsBacktest {
  curve: CurvePoint[];
  fills: FillPair[];
  summary: {
    liveFills: number;
    backtestFills: number;
    /** Decisions' fills present on both sides with equal quantities and prices (to the cent). */
    identical: number;
    /** Mean over live fills, quantity-weighted. */
    meanSlippageVsDecisionBps: number | null;
    meanSlippageVsBacktestBps: number | null;
    /** The last point of each curve. */
    liveEquity: number | null;
    backtestEquity: number | null;
  };
}

/** The shadow backtest: the session's strategy and settings over exactly the bars it saw, from its first live bar. */
export function shadowBacktest(input: Omit<RunInput, 'sink'>): { result: RunResult; sink: MemorySink } {
  const sink = new MemorySink();
  const result = runBacktest({ ...input, sink });
  if (result.status === 'failed') throw new Error(`the shadow backtest failed: ${result.error ?? 'unknown error'}`);
  return { result, sink };
}

const sign = (side: Side): number => (side === 'BUY' ? 1 : -1);
const bps = (side: Side, price: number, ref: number | null): number | null =>
  ref === null || !(ref > 0) ? null : (sign(side) * (price - ref) * 1e4) / ref;
const cents = (x: number): number => Math.round(x * 100);

interface Agg {
  quantity: number;
  value: number;
  commission: number;
}

function add(into: Map<string, Agg>, key: string, q: number, p: number, c: number): void {
  const a = into.get(key) ?? { quantity: 0, value: 0, commission: 0 };
  a.quantity += q;
  a.value += q * p;
  a.commission += c;
  into.set(key, a);
}

/**
 * Puts a session beside its shadow backtest: both equity curves by session stamp, and each
 * decision's fills per instrument and side (several fills of one order become one, at their
 * average price), with slippage against the decision's close and against the simulator.
 */
export function compareWithShadow(
  live: { curve: readonly { ts: Timestamp; equity: number }[]; fills: readonly LiveFill[] },
  /** null: no shadow (the session has no live bar yet, or its strategy cannot be loaded). */
  shadow: { result: RunResult; sink: MemorySink } | null,
): LiveVsBacktest {
  const key = (ts: number, inst: string, side: Side): string => `${ts}|${inst}|${side}`;
  const liveAgg = new Map<string, Agg>();
  const meta = new Map<string, LiveFill>();
  for (const f of live.fills) {
    const k = key(f.decisionTs, f.instrument, f.side);
    add(liveAgg, k, f.quantity, f.price, f.commission);
    if (!meta.has(k)) meta.set(k, f);
  }
  const decidedAt = new Map(shadow?.sink.orders.map((o) => [o.id, o.createdAt]));
  const simAgg = new Map<string, Agg>();
  for (const f of shadow?.sink.fills ?? []) add(simAgg, key(decidedAt.get(f.orderId) ?? f.timestamp, f.instrument, f.side), f.quantity, f.price, f.commission);

  const keys = [...new Set([...liveAgg.keys(), ...simAgg.keys()])].sort((a, b) => {
    const [ta, ia, sa] = a.split('|');
    const [tb, ib, sb] = b.split('|');
    return Number(ta) - Number(tb) || ia.localeCompare(ib) || sa.localeCompare(sb);
  });
  let identical = 0;
  let wDecision = 0;
  let sumDecision = 0;
  let wSim = 0;
  let sumSim = 0;
  const fills: FillPair[] = keys.map((k) => {
    const [ts, instrument, sideText] = k.split('|');
    const side = sideText as Side;
    const l = liveAgg.get(k);
    const s = simAgg.get(k);
    const m = meta.get(k);
    const lv = l ? { quantity: l.quantity, price: l.value / l.quantity, commission: l.commission } : null;
    const sv = s ? { quantity: s.quantity, price: s.value / s.quantity, commission: s.commission } : null;
    const vsDecision = lv ? bps(side, lv.price, m?.decisionPrice ?? null) : null;
    const vsQuote = lv ? bps(side, lv.price, m?.arrivalQuote ?? null) : null;
    const vsSim = lv && sv ? bps(side, lv.price, sv.price) : null;
    if (lv && vsDecision !== null) {
      wDecision += lv.quantity;
      sumDecision += vsDecision * lv.quantity;
    }
    if (lv && vsSim !== null) {
      wSim += lv.quantity;
      sumSim += vsSim * lv.quantity;
    }
    if (lv && sv && lv.quantity === sv.quantity && cents(lv.price) === cents(sv.price) && cents(lv.commission) === cents(sv.commission)) identical++;
    return {
      decisionTs: Number(ts),
      instrument,
      side,
      decisionPrice: m?.decisionPrice ?? null,
      arrivalQuote: m?.arrivalQuote ?? null,
      live: lv,
      backtest: sv,
      slippageVsDecisionBps: vsDecision,
      slippageVsQuoteBps: vsQuote,
      slippageVsBacktestBps: vsSim,
      submitMs: m?.submitMs ?? null,
      ackMs: m?.ackMs ?? null,
      fillMs: m?.fillMs ?? null,
    };
  });

  const sim = new Map<number, number>();
  if (shadow) shadow.result.ts.forEach((t, i) => sim.set(t, shadow.result.equity[i]));
  const liveCurve = new Map(live.curve.map((p) => [p.ts, p.equity]));
  const stamps = [...new Set([...liveCurve.keys(), ...sim.keys()])].sort((a, b) => a - b);
  const curve = stamps.map((ts) => ({ ts, live: liveCurve.get(ts) ?? null, backtest: sim.get(ts) ?? null }));
  return {
    curve,
    fills,
    summary: {
      liveFills: live.fills.length,
      backtestFills: shadow?.sink.fills.length ?? 0,
      identical,
      meanSlippageVsDecisionBps: wDecision > 0 ? sumDecision / wDecision : null,
      meanSlippageVsBacktestBps: wSim > 0 ? sumSim / wSim : null,
      liveEquity: live.curve.length > 0 ? live.curve[live.curve.length - 1].equity : null,
      backtestEquity: shadow && shadow.result.equity.length > 0 ? shadow.result.equity[shadow.result.equity.length - 1] : null,
    },
  };
}
