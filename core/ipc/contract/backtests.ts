import { z } from 'zod';
import { executionAnalyticsSchema } from './execution';
import { EXIT_REASONS, TRADE_STATUSES } from '../../domain/enums';
import { RUN_STATUSES } from '../../store/rows';
import { method } from '../contractTypes';

/** What the synthetic market's optional knobs mean when left out: the form shows them as placeholders. */
export { SYNTHETIC_DEFAULTS } from '../../data/syntheticDefaults';
import { fillRecordSchema, noInput, nullableNum, num, orderRecordSchema, ts } from './common';

const runId = z.string().uuid();

/** The statuses a stored run can have (the store's own list). */
export { RUN_STATUSES };

/** The engine's metrics as recorded with a run (see core/backtest/metrics.ts for their definitions). */
export const metricsSchema = z
  .object({
    totalReturnPct: num,
    cagrPct: nullableNum,
    annualVolatilityPct: nullableNum,
    sharpe: nullableNum,
    sortino: nullableNum,
    annualReturnPct: nullableNum,
    alphaPct: nullableNum,
    beta: nullableNum,
    calmar: nullableNum,
    maxDrawdownPct: num,
    maxDrawdownDurationDays: num,
    maxDrawdownDurationBars: num,
    avgDrawdownPct: nullableNum,
    avgDrawdownDurationDays: nullableNum,
    avgDrawdownDurationBars: nullableNum,
    exposureTimePct: nullableNum,
    turnover: nullableNum,
    closedTrades: num,
    openTrades: num,
    winRatePct: nullableNum,
    profitFactor: nullableNum,
    avgWin: nullableNum,
    avgLoss: nullableNum,
    expectancy: nullableNum,
    expectancyPct: nullableNum,
    kelly: nullableNum,
    sqn: nullableNum,
    largestWin: nullableNum,
    largestLoss: nullableNum,
    avgBarsHeld: nullableNum,
    commissions: num,
    slippage: num,
    buyAndHoldReturnPct: nullableNum,
    finalEquity: num,
  })
  .partial()
  .catchall(z.union([num, z.string(), z.null()]));
export type RunMetrics = z.infer<typeof metricsSchema>;

export const runSummarySchema = z.object({
  id: runId,
  name: z.string(),
  strategy: z.string(),
  status: z.enum(RUN_STATUSES),
  error: z.string().nullable(),
  createdAt: ts,
  finishedAt: ts.nullable(),
  periodStart: ts,
  periodEnd: ts,
  sessionsTotal: num,
  sessionsDone: num,
  initialCash: num,
  metrics: metricsSchema.nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** What the run was computed under: shown in the assumptions panel. */
export const runDetailSchema = runSummarySchema.extend({
  seed: num,
  dataFingerprint: z.string(),
  appVersion: z.string(),
  symbols: z.array(z.string()),
  /** The spec as recorded (snake_case keys, defaults filled in), ready to re-launch or duplicate. */
  config: z.record(z.string(), z.unknown()),
});
export type RunDetail = z.infer<typeof runDetailSchema>;

export const listRunsInputSchema = z
  .object({
    /** Case-insensitive substring of name or strategy. */
    search: z.string().max(200).optional(),
    status: z.enum(RUN_STATUSES).optional(),
  })
  .strict()
  .prefault({});

const maxPoints = z.number().int().min(10).max(20_000).default(2000);

export const equityCurveSchema = z.object({
  /** Downsampled (largest-triangle-three-buckets on equity) when longer than maxPoints; first and last kept. */
  ts: z.array(ts),
  equity: z.array(num),
  benchmark: z.array(nullableNum),
  drawdownPct: z.array(num),
  /** Points in the stored curve before downsampling. */
  totalPoints: num,
});
export type EquityCurve = z.infer<typeof equityCurveSchema>;

export const periodReturnsSchema = z.object({
  /** One per calendar month with data: year, month 1-12, return in percent. */
  monthly: z.array(z.object({ year: num, month: num, returnPct: num })),
  yearly: z.array(z.object({ year: num, returnPct: num, benchmarkPct: nullableNum })),
});
export type PeriodReturns = z.infer<typeof periodReturnsSchema>;

export const priceChartSchema = z.object({
  symbol: z.string(),
  /** The run's bars of the symbol over its period; longer than maxPoints, runs of bars merged as a candle is (first open, highest high, lowest low, last close, summed volume, last stamp). */
  ts: z.array(ts),
  open: z.array(num),
  high: z.array(num),
  low: z.array(num),
  close: z.array(num),
  volume: z.array(num),
  /** Bars merged into each candle (the last may hold fewer): 1 unless the run had more bars than maxPoints. */
  barsPerCandle: z.number().int().min(1),
  /** Every fill of the run in this symbol (not downsampled). */
  markers: z.array(z.object({ ts, side: z.enum(['BUY', 'SELL']), price: num, quantity: num })),
});
export type PriceChart = z.infer<typeof priceChartSchema>;

const sortDir = z.enum(['asc', 'desc']).default('asc');
const pageInput = <F extends readonly [string, ...string[]]>(fields: F) =>
  z
    .object({
      runId,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
      sortBy: z.enum(fields).optional(),
      sortDir,
      /** Exact instrument to show. */
      instrument: z.string().max(50).optional(),
    })
    .strict();

export const ORDER_SORT_FIELDS = ['createdAt', 'instrument', 'side', 'type', 'quantity', 'status', 'filledQuantity', 'avgFillPrice', 'commission', 'updatedAt'] as const;
export const FILL_SORT_FIELDS = ['ts', 'instrument', 'side', 'quantity', 'price', 'commission', 'slippage'] as const;
export const TRADE_SORT_FIELDS = [
  'entryTs', 'exitTs', 'instrument', 'direction', 'quantity', 'pnl', 'returnPct', 'barsHeld', 'mae', 'mfe', 'exitReason', 'cumulativePnl',
] as const;

export const orderRowSchema = orderRecordSchema.extend({
  intent: z.string().nullable(),
});
export const fillRowSchema = fillRecordSchema.extend({
  slippage: num,
  referencePrice: num,
  ts,
});
export const tradeRowSchema = z.object({
  instrument: z.string(),
  direction: z.enum(['LONG', 'SHORT']),
  quantity: num,
  entryTs: ts,
  entryPrice: num,
  exitTs: ts.nullable(),
  exitPrice: nullableNum,
  pnl: nullableNum,
  returnPct: nullableNum,
  commission: num,
  barsHeld: nullableNum,
  /** OPEN: still held when the run ended, its exit fields marked at the last close. */
  status: z.enum(TRADE_STATUSES),
  markPrice: nullableNum,
  unrealizedPnl: nullableNum,
  /** Lowest and highest P&L before commissions over the bars the trade lived through; null on trades stored before they were kept. */
  mae: nullableNum,
  maePct: nullableNum,
  mfe: nullableNum,
  mfePct: nullableNum,
  /** Why it closed; null while open. */
  exitReason: z.enum(EXIT_REASONS).nullable(),
  cumulativePnl: nullableNum,
});
export const positionRowSchema = z.object({
  instrument: z.string(),
  quantity: num,
  avgCost: num,
  marketValue: num,
  unrealizedPnl: num,
  realizedPnl: num,
});
export type OrderRowDto = z.infer<typeof orderRowSchema>;
export type FillRowDto = z.infer<typeof fillRowSchema>;
export type TradeRowDto = z.infer<typeof tradeRowSchema>;
/** Why a trade closed, in the order the UI lists them. */
export { EXIT_REASONS };
export type ExitReason = (typeof EXIT_REASONS)[number];
export type PositionRowDto = z.infer<typeof positionRowSchema>;

const pageOf = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: num });

export const JOB_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export const jobSchema = z.object({
  jobId: z.string(),
  name: z.string(),
  state: z.enum(JOB_STATES),
  /** Set once the engine has recorded the run. */
  runId: runId.nullable(),
  done: num,
  total: num,
  /** Estimated milliseconds left; null until it can be estimated. */
  etaMs: nullableNum,
  error: z.string().nullable(),
  queuedAt: ts,
});
export type Job = z.infer<typeof jobSchema>;

export const specIssueSchema = z.object({ path: z.string(), message: z.string() });
export type SpecIssue = z.infer<typeof specIssueSchema>;

/** A backtest spec as the form builds it: the same shape as a spec YAML file (snake_case). */
const specInput = z.record(z.string(), z.unknown());

export const strategyInfoSchema = z.object({
  name: z.string(),
  description: z.string(),
  /** JSON Schema of the params (draft 2020-12), for the generated form. */
  paramsSchema: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
});
export type StrategyInfo = z.infer<typeof strategyInfoSchema>;

/** A strategy module's path as the form takes it: absolute, or relative to the folder a launched spec's paths resolve against. */
export const describeModuleInputSchema = z.object({ path: z.string().trim().min(1).max(4096) }).strict();

/** What the form draws for a strategy module, read from the module itself (nothing of it is run). */
export const strategyModuleInfoSchema = z.object({
  /** The file the path named. */
  file: z.string(),
  /** `object`: a strategy object (API v2); `function`: a strategy function or create(params, ctx). */
  kind: z.enum(['object', 'function']),
  /** JSON Schema of the params (draft 2020-12); null when the module has none (the form then takes params as JSON). */
  paramsSchema: z.record(z.string(), z.unknown()).nullable(),
  defaults: z.record(z.string(), z.unknown()),
});
export type StrategyModuleInfo = z.infer<typeof strategyModuleInfoSchema>;

export const exportInputSchema = z
  .object({
    runId,
    what: z.enum(['trades', 'orders', 'fills', 'positions', 'report']),
    /** CSV for programs: field names, epoch milliseconds and full floats; default: spreadsheet-ready. */
    raw: z.boolean().optional(),
  })
  .strict();
export const exportFileSchema = z.object({ filename: z.string(), mime: z.string(), content: z.string() });

export const compareSchema = z.object({
  /** Each run with what it was computed under, so the screen can tell where the runs differ. */
  runs: z.array(runDetailSchema),
  /** Equity of each run divided by its initial cash, on each run's own (downsampled) time axis. */
  curves: z.array(z.object({ runId, ts: z.array(ts), value: z.array(num) })),
});

const byRun = z.object({ runId }).strict();

export const backtestMethods = {
  'backtests.list': method(listRunsInputSchema, z.array(runSummarySchema)),
  'backtests.get': method(byRun, runDetailSchema),
  'backtests.delete': method(byRun, z.object({ deleted: z.boolean() })),
  /** Checks a spec without running it: the issues the form shows inline. */
  'backtests.validate': method(z.object({ spec: specInput }).strict(), z.object({ issues: z.array(specIssueSchema) })),
  /** Queues a run; it starts when the runs before it are done. */
  'backtests.launch': method(z.object({ spec: specInput }).strict(), jobSchema),
  'backtests.cancel': method(z.object({ jobId: z.string().min(1).max(100) }).strict(), jobSchema),
  'backtests.jobs': method(noInput, z.array(jobSchema)),
  'backtests.defaults': method(noInput, z.object({ spec: specInput })),
  'backtests.equity': method(z.object({ runId, maxPoints }).strict(), equityCurveSchema),
  'backtests.returns': method(byRun, periodReturnsSchema),
  'backtests.prices': method(z.object({ runId, symbol: z.string().min(1).max(50), maxPoints }).strict(), priceChartSchema),
  'backtests.orders': method(pageInput(ORDER_SORT_FIELDS), pageOf(orderRowSchema)),
  'backtests.fills': method(pageInput(FILL_SORT_FIELDS), pageOf(fillRowSchema)),
  'backtests.trades': method(pageInput(TRADE_SORT_FIELDS), pageOf(tradeRowSchema)),
  /** Positions held at the close of the last session at or before `ts`, and the orders created on that session. */
  'backtests.asOf': method(
    z.object({ runId, ts }).strict(),
    z.object({ sessionTs: ts.nullable(), positions: z.array(positionRowSchema), orders: z.array(orderRowSchema) }),
  ),
  'backtests.export': method(exportInputSchema, exportFileSchema),
  /** Decimals each traded instrument's prices are quoted to in the run (0.01 → 2, 0.0001 → 4): the tables print prices so. */
  'backtests.priceDecimals': method(byRun, z.record(z.string(), z.number().int().min(0).max(8))),
  /** Slippage against the decision's close and the simulator's quote, shortfall by order type and size, fill rate, time to fill. */
  'backtests.execution': method(byRun, executionAnalyticsSchema),
  'backtests.compare': method(z.object({ runIds: z.array(runId).min(2).max(4) }).strict(), compareSchema),
  'strategies.list': method(noInput, z.array(strategyInfoSchema)),
  /** Loads a strategy module in the engine to learn its params; fails naming the file and what is wrong with it. */
  'strategies.describeModule': method(describeModuleInputSchema, strategyModuleInfoSchema),
} as const;

export const backtestEvents = {
  /** A job was queued, started, progressed or ended. */
  'backtests.job': jobSchema,
  /** Equity points computed since the last report of this job, for the live chart. */
  'backtests.progress': z.object({ jobId: z.string(), runId: runId.nullable(), ts: z.array(ts), equity: z.array(num) }),
} as const;
