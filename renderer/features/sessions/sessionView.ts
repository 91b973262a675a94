import type { SessionDetailDto, SessionSummaryDto } from '../../../core/ipc/contract/sessions';
import type { TradingStateDto } from '../../../core/ipc/contract/trading';
import { EMPTY, fmtDate, fmtDuration, fmtNumber, fmtPct } from '../../components/common/format';
import { connectionTarget } from '../trading/connectionIndicator';
import type { SessionAction } from './sessionQueries';

type Num = number | null | undefined;
const isNum = (v: Num): v is number => typeof v === 'number' && Number.isFinite(v);

/** Which of the trader's commands a session takes now. */
export interface SessionControlState {
  pause: boolean;
  resume: boolean;
  stop: boolean;
  flatten: boolean;
  /** Why the others are off: a session of a previous app waits for its broker. */
  hint: string | null;
}

/**
 * Running in this app: pause (or resume), stop, flatten and stop. Running or paused but waiting for
 * its broker (the app restarted): only stop, which records it. Stopped or failed: nothing.
 */
export function sessionControls(s: SessionSummaryDto): SessionControlState {
  const active = s.state === 'running' || s.state === 'paused';
  if (!active) return { pause: false, resume: false, stop: false, flatten: false, hint: null };
  if (!s.attached) {
    return { pause: false, resume: false, stop: true, flatten: false, hint: `waiting for its broker (${s.broker}): connect to it on the Trading screen to resume` };
  }
  return { pause: s.state === 'running', resume: s.state === 'paused', stop: true, flatten: true, hint: null };
}

/** Flattening sends orders, so it always asks; a LIVE session asks before every command. */
export const needsConfirm = (s: SessionSummaryDto, action: SessionAction): boolean => action === 'flatten' || s.mode === 'LIVE';

export const ACTION_LABEL: Record<SessionAction, string> = {
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop',
  flatten: 'Flatten & stop',
};

/** The confirmation's title and what it says will happen. */
export function confirmText(s: SessionSummaryDto, action: SessionAction): { title: string; body: string } {
  const live = s.mode === 'LIVE' ? ' This is a LIVE session: it trades real money.' : '';
  const what: Record<SessionAction, string> = {
    pause: 'It stops deciding (and sending orders) until resumed; positions stay as they are.',
    resume: 'It decides again from the next bar, and sends the orders its decisions need.',
    stop: 'It stops for good; positions stay as they are.',
    flatten: 'It cancels its working orders, sends market orders closing every position it holds, then stops for good.',
  };
  return { title: `${ACTION_LABEL[action]} “${s.name}”?`, body: `${what[action]}${live}` };
}

export const brokerLabel = (broker: string): string => (broker === 'sim' ? 'local simulator' : broker === 'ib' ? 'IB (TWS)' : broker);

/** Basis points: 12.3 bps */
export const fmtBps = (v: Num, digits = 1): string => (isNum(v) ? `${fmtNumber(v, digits)} bps` : EMPTY);

/** A share (0..1) as a percent: 98.0 % */
export const fmtShare = (v: Num): string => (isNum(v) ? fmtPct(v * 100, 1) : EMPTY);

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A bar's stamp: a daily bar (00:00 UTC, as daily data is stamped) as its date; an intraday bar
 * with its UTC time.
 */
export function fmtBarTime(ts: Num): string {
  if (!isNum(ts)) return EMPTY;
  const d = new Date(ts);
  if (ts % 86_400_000 === 0) return fmtDate(ts);
  return `${fmtDate(ts)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

type Fill = SessionDetailDto['fills'][number];
type Order = SessionDetailDto['orders'][number];

/** "decision → sent 3 ms → ack 120 ms → fill 340 ms": the legs known of a fill's order. */
export function latencyText(f: { submitMs?: number | null; ackMs: number | null; fillMs: number | null }): string {
  const parts: string[] = [];
  if (isNum(f.ackMs)) parts.push(`ack ${fmtDuration(f.ackMs)}`);
  if (isNum(f.fillMs)) parts.push(`fill ${fmtDuration(f.fillMs)}`);
  const sent = isNum(f.submitMs) ? `decision → sent ${fmtDuration(f.submitMs)}` : 'sent';
  return parts.length === 0 && !isNum(f.submitMs) ? EMPTY : [sent, ...parts].join(' → ');
}

/** A side of a fill pair: 12 @ 101.25, or a dash when that side did not fill. */
export function fillText(side: Fill['live'], fmtPrice: (v: number) => string): string {
  if (!side) return EMPTY;
  return `${fmtNumber(side.quantity, Number.isInteger(side.quantity) ? 0 : 4)} @ ${fmtPrice(side.price)}`;
}

const cents = (v: number): number => Math.round(v * 100);

/**
 * Where a fill pair stands: filled on both sides alike (quantity, price and commission to the cent,
 * as the engine counts identical fills), on one side only, or differently.
 */
export function fillMatch(f: Fill): 'identical' | 'live-only' | 'backtest-only' | 'different' {
  if (f.live && !f.backtest) return 'live-only';
  if (!f.live && f.backtest) return 'backtest-only';
  const { live: l, backtest: b } = f;
  if (l && b && l.quantity === b.quantity && cents(l.price) === cents(b.price) && cents(l.commission) === cents(b.commission)) return 'identical';
  return 'different';
}

/** Milliseconds from an order's sending to a later stamp of it. */
export const sinceSent = (o: Order, at: number | null): number | null => (at === null ? null : at - o.sentAt);

/** An action's detail (stored as JSON) as "reason: …, equity: …", its reason first. */
export function actionDetail(detail: string | null): string {
  if (detail === null || detail === '') return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return String(detail);
  const entries = Object.entries(parsed as Record<string, unknown>).sort(([a], [b]) => (a === 'reason' ? -1 : b === 'reason' ? 1 : 0));
  return entries
    .map(([k, v]) => `${k}: ${typeof v === 'number' ? fmtNumber(v, Number.isInteger(v) ? 0 : 2) : typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

/** The equity chart's points: the live session and its shadow backtest on one time axis. */
export interface CurveRow {
  t: number;
  live: number | null;
  backtest: number | null;
}

export function curveRows(curve: SessionDetailDto['curve']): CurveRow[] {
  return curve.map((p) => ({ t: p.ts, live: p.live, backtest: p.backtest }));
}

/** What "the connected broker" is now: the Trading screen's connection, if it is ready. */
export interface ConnectedBroker {
  ready: boolean;
  /** A session started on it trades in this mode. */
  live: boolean;
  text: string;
}

export function connectedBroker(s: Pick<TradingStateDto, 'connection' | 'mode'> | undefined): ConnectedBroker {
  if (!s) return { ready: false, live: false, text: 'loading the trading connection…' };
  const c = s.connection;
  const where = connectionTarget(c);
  const name = c.broker === 'alpaca' ? 'Alpaca' : 'IB';
  if (c.state === 'ready') return { ready: true, live: s.mode === 'LIVE', text: `${where ?? name} · ${s.mode}` };
  if (c.state === 'disconnected') return { ready: false, live: false, text: 'not connected: connect to a broker on the Trading screen first' };
  return { ready: false, live: false, text: `${where ?? name} is ${c.state}: a session can start once it is ready` };
}

/** A wall-clock moment to the second, in the trader's time zone: 2024-05-02 14:07:31 */
export function fmtStamp(ts: Num): string {
  if (!isNum(ts)) return EMPTY;
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** One figure of the summary strip. */
export interface Tile {
  id: string;
  label: string;
  value: string;
  raw: number | null;
  tone: 'pos' | 'neg' | '';
  title?: string;
}

/**
 * The live-vs-backtest figures: fills on each side and how many were identical, how the session's
 * orders ended, what trading cost against the decisions, and how fast the venue answered.
 */
export function summaryTiles(d: Pick<SessionDetailDto, 'summary' | 'session'>): Tile[] {
  const s = d.summary;
  const pnl = d.session.pnlTotal;
  const costTone = (v: number | null): Tile['tone'] => (v === null || Math.abs(v) < 0.05 ? '' : v > 0 ? 'neg' : 'pos');
  const pnlTone: Tile['tone'] = !isNum(pnl) || Math.abs(pnl) < 0.005 ? '' : pnl > 0 ? 'pos' : 'neg';
  return [
    { id: 'equity', label: 'Equity', value: fmtNumber(d.session.equity), raw: d.session.equity, tone: '' },
    { id: 'pnl', label: 'P&L total', value: isNum(pnl) ? `${pnl > 0 ? '+' : ''}${fmtNumber(pnl)}` : EMPTY, raw: pnl, tone: pnlTone },
    { id: 'fills', label: 'Fills live / bt', value: `${s.liveFills} / ${s.backtestFills}`, raw: s.liveFills, tone: '' },
    {
      id: 'identical',
      label: 'Identical fills',
      value: String(s.identical),
      raw: s.identical,
      tone: '',
      title: 'Decisions filled for the same quantity, price and commission by the session and its shadow backtest',
    },
    { id: 'fill-rate', label: 'Fill rate', value: fmtShare(s.fillRate), raw: s.fillRate, tone: '', title: 'Orders filled / orders sent' },
    {
      id: 'rejection-rate',
      label: 'Rejection rate',
      value: fmtShare(s.rejectionRate),
      raw: s.rejectionRate,
      tone: isNum(s.rejectionRate) && s.rejectionRate > 0 ? 'neg' : '',
      title: 'Orders rejected / orders sent',
    },
    {
      id: 'shortfall',
      label: 'Impl. shortfall',
      value: fmtBps(s.implementationShortfallBps),
      raw: s.implementationShortfallBps,
      tone: costTone(s.implementationShortfallBps),
      title: 'Quantity-weighted cost of the live fills (slippage and commission) against the decisions’ closes, in bps of traded value',
    },
    {
      id: 'slip-decision',
      label: 'Slip vs decision',
      value: fmtBps(s.meanSlippageVsDecisionBps),
      raw: s.meanSlippageVsDecisionBps,
      tone: costTone(s.meanSlippageVsDecisionBps),
      title: 'Mean slippage of the live fills against the close each decision saw',
    },
    {
      id: 'slip-backtest',
      label: 'Slip vs backtest',
      value: fmtBps(s.meanSlippageVsBacktestBps),
      raw: s.meanSlippageVsBacktestBps,
      tone: costTone(s.meanSlippageVsBacktestBps),
      title: 'Mean slippage of the live fills against the shadow backtest’s fills of the same decisions',
    },
    { id: 'ack', label: 'Median ack', value: fmtDuration(s.medianAckMs), raw: s.medianAckMs, tone: '', title: 'Sent to acknowledged by the venue' },
    { id: 'fill-latency', label: 'Median fill', value: fmtDuration(s.medianFillMs), raw: s.medianFillMs, tone: '', title: 'Sent to filled' },
  ];
}
