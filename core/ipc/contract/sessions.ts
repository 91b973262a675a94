import { z } from 'zod';
import { method } from '../contractTypes';
import { noInput, nullableNum, num, ts } from './common';
import { executionAnalyticsSchema } from './execution';

/** Forward testing: a backtested strategy running on a paper or live account (core/session). */

export const SESSION_STATES = ['running', 'paused', 'stopped', 'failed'] as const;
export const sessionStateSchema = z.enum(SESSION_STATES);

export const sessionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  mode: z.enum(['PAPER', 'LIVE']),
  /** ib (the trading connection's TWS / fake TWS), sim (the local simulator), alpaca. */
  broker: z.string(),
  strategy: z.string(),
  strategyVersion: z.string(),
  sourceRunId: z.string().nullable(),
  state: sessionStateSchema,
  reason: z.string().nullable(),
  /** Whether this app runs it now (a running session of a previous app waits for its broker to resume). */
  attached: z.boolean(),
  createdAt: ts,
  updatedAt: ts,
  stoppedAt: ts.nullable(),
  lastDecidedTs: ts.nullable(),
  decisions: z.number().int(),
  initialCash: num,
  equity: nullableNum,
  /** Equity now against the previous session's last point (today's P&L), and against the initial cash. */
  pnlToday: nullableNum,
  pnlTotal: nullableNum,
});
export type SessionSummaryDto = z.infer<typeof sessionSummarySchema>;

const sideSchema = z.enum(['BUY', 'SELL']);
const fillSide = z.object({ quantity: num, price: num, commission: num });

export const fillPairSchema = z.object({
  decisionTs: ts,
  instrument: z.string(),
  side: sideSchema,
  decisionPrice: nullableNum,
  /** The broker's quote (mid, else last) when the order went out. */
  arrivalQuote: nullableNum,
  live: fillSide.nullable(),
  backtest: fillSide.nullable(),
  slippageVsDecisionBps: nullableNum,
  slippageVsQuoteBps: nullableNum,
  slippageVsBacktestBps: nullableNum,
  /** Decision to sent, sent to acknowledged, sent to filled (ms). */
  submitMs: nullableNum,
  ackMs: nullableNum,
  fillMs: nullableNum,
});
export type FillPairDto = z.infer<typeof fillPairSchema>;

export const sessionOrderSchema = z.object({
  clientOrderRef: z.string(),
  decisionTs: ts,
  instrument: z.string(),
  side: sideSchema.nullable(),
  quantity: nullableNum,
  status: z.string().nullable(),
  filledQuantity: nullableNum,
  avgFillPrice: nullableNum,
  decisionPrice: nullableNum,
  arrivalQuote: nullableNum,
  /** When the decision began (wall clock): decidedAt -> sentAt is the strategy's and planner's time. */
  decidedAt: ts,
  sentAt: ts,
  acknowledgedAt: ts.nullable(),
  filledAt: ts.nullable(),
});

export const calibrationSchema = z.object({
  /** Live fills the fit used (market orders with a decision price). */
  fills: z.number().int(),
  /** The costs that, in the simulator, reproduce the session's average slippage against the decision's close. */
  slippageBps: nullableNum,
  spreadBps: nullableNum,
  /** Share of the session's limit orders that filled. */
  limitFillProb: nullableNum,
  /** The spec's current values, for comparison. */
  current: z.object({ slippageBps: num, spreadBps: num, limitFillProb: num }),
  /** A backtest spec (YAML) with the fitted values, to run as a new backtest. */
  specYaml: z.string().nullable(),
});

export const sessionDetailSchema = z.object({
  session: sessionSummarySchema,
  curve: z.array(z.object({ ts, live: nullableNum, backtest: nullableNum })),
  fills: z.array(fillPairSchema),
  orders: z.array(sessionOrderSchema),
  actions: z.array(z.object({ ts, action: z.string(), instrument: z.string().nullable(), detail: z.string().nullable() })),
  summary: z.object({
    liveFills: z.number().int(),
    backtestFills: z.number().int(),
    identical: z.number().int(),
    meanSlippageVsDecisionBps: nullableNum,
    meanSlippageVsBacktestBps: nullableNum,
    /** Orders filled / orders sent, and rejected / sent. */
    fillRate: nullableNum,
    rejectionRate: nullableNum,
    /** Quantity-weighted cost of the live fills against the decisions' closes, in bps of traded value. */
    implementationShortfallBps: nullableNum,
    medianAckMs: nullableNum,
    medianFillMs: nullableNum,
  }),
  calibration: calibrationSchema,
  /** The session's orders measured against their decision price and the quote they went out at. */
  execution: executionAnalyticsSchema,
  /** Why the shadow backtest could not run (e.g. the strategy module is gone), else null. */
  shadowError: z.string().nullable(),
});
export type SessionDetailDto = z.infer<typeof sessionDetailSchema>;

export const sessionStartSchema = z
  .object({
    /** A spec file (absolute, or relative to the app's folder) ... */
    specPath: z.string().min(1).max(4096).optional(),
    /** ... or a completed backtest whose strategy, params, planner and limits the session runs. */
    runId: z.string().uuid().optional(),
    /** connected: the trading connection's broker (TWS, IB Gateway, the fake TWS); sim: the local simulator replaying the spec's data. */
    broker: z.enum(['connected', 'sim']).default('connected'),
    /** sim: its market replays the spec's data (replay), or trades on the connected broker's live bars (daily sessions). */
    simBars: z.enum(['replay', 'connected']).default('replay'),
    /** sim replay: speed in bars per second. */
    speed: num.positive().max(1000).default(2),
    maxDailyLoss: num.positive().optional(),
    maxPositionValue: num.positive().optional(),
  })
  .strict()
  .refine((s) => (s.specPath === undefined) !== (s.runId === undefined), { message: 'give exactly one of specPath or runId' });

export const sessionControlSchema = z
  .object({
    id: z.string().min(1).max(100),
    action: z.enum(['pause', 'resume', 'stop', 'flatten']),
  })
  .strict();

export const overviewSchema = z.object({
  mode: z.enum(['PAPER', 'LIVE']),
  connected: z.boolean(),
  equity: nullableNum,
  pnlToday: nullableNum,
  grossExposure: nullableNum,
  netExposure: nullableNum,
  openOrders: z.number().int(),
  sessions: z.array(sessionSummarySchema),
});
export type OverviewDto = z.infer<typeof overviewSchema>;

export const sessionMethods = {
  'sessions.list': method(noInput, z.array(sessionSummarySchema)),
  'sessions.get': method(z.object({ id: z.string().min(1).max(100) }).strict(), sessionDetailSchema),
  'sessions.start': method(sessionStartSchema, sessionSummarySchema),
  'sessions.control': method(sessionControlSchema, sessionSummarySchema),
  /** One control surface: the account, its open orders and every session, for the app, web mode and scripts. */
  'sessions.overview': method(noInput, overviewSchema),
} as const;

export const sessionEvents = {
  /** A session decided, changed state, or was started. */
  'sessions.changed': sessionSummarySchema,
} as const;
