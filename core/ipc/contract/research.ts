import { z } from 'zod';
import { method } from '../contractTypes';
import { nullableNum, num, ts } from './common';
import { jobSchema } from './backtests';

const paramValue = z.union([z.number().finite(), z.string().max(200), z.boolean()]);
const paramName = z.string().min(1).max(100);

/**
 * One parameter's axis: listed values (grid or random pick), or a range. A grid needs a range's step
 * (an integer parameter steps by 1 without one); a random search draws uniformly inside the range.
 */
export const sweepAxisSchema = z.union([
  z.object({ name: paramName, values: z.array(paramValue).min(1).max(10_000) }).strict(),
  z.object({ name: paramName, min: num, max: num, step: num.positive().optional() }).strict(),
]);
export type SweepAxis = z.infer<typeof sweepAxisSchema>;

export const searchSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grid') }).strict(),
  z.object({ kind: z.literal('random'), samples: z.number().int().min(1).max(100_000), seed: z.number().int().default(1) }).strict(),
]);

/** What a sweep runs: a backtest spec (the form's shape), the parameters to vary, a constraint and the objective. */
export const sweepRequestSchema = z
  .object({
    spec: z.record(z.string(), z.unknown()),
    axes: z.array(sweepAxisSchema).min(1).max(10),
    search: searchSchema.default({ kind: 'grid' }),
    /** An expression over the parameter names that a combination must satisfy, e.g. `fast < slow`. */
    where: z.string().max(1000).default(''),
    /** A metric name as `research.objectives` lists them. */
    objective: z.string().min(1).max(100).default('sharpe'),
  })
  .strict();
export type SweepRequest = z.output<typeof sweepRequestSchema>;

/** A metric as the backtest CLI's `--json` names it (snake_case); null when undefined for the run. */
export const flatMetricsSchema = z.record(z.string(), nullableNum);

export const objectiveSchema = z.object({ name: z.string(), label: z.string(), direction: z.enum(['max', 'min']) });

export const deflatedSharpeSchema = z.object({
  /** Probability that the best Sharpe is above what the best of this many trials would show by luck. */
  dsr: nullableNum,
  sharpeAnnualised: nullableNum,
  expectedMaxSharpeAnnualised: nullableNum,
  trials: num,
  skew: nullableNum,
  kurtosis: nullableNum,
  observations: num,
  reading: z.string(),
});
export const pboSchema = z.object({
  /** Share of the combinatorial splits where the in-sample best lands below the out-of-sample median. */
  pbo: nullableNum,
  partitions: num,
  splits: num,
  probabilityOfLoss: nullableNum,
  reading: z.string(),
});
export const overfittingSchema = z.object({ deflatedSharpe: deflatedSharpeSchema.nullable(), pbo: pboSchema.nullable() });
export type Overfitting = z.infer<typeof overfittingSchema>;

export const sweepResultSchema = z.object({
  index: num,
  params: z.record(z.string(), paramValue),
  /** The objective's value, null when the metric is undefined for this combination. */
  objective: nullableNum,
  metrics: flatMetricsSchema,
  /** The recorded run of this combination, once opened. */
  runId: z.string().nullable(),
});
export type SweepResult = z.infer<typeof sweepResultSchema>;

export const RESEARCH_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;

export const sweepSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  strategy: z.string(),
  objective: z.string(),
  state: z.enum(RESEARCH_STATES),
  combinations: num,
  done: num,
  createdAt: ts,
  elapsedMs: nullableNum,
  bestObjective: nullableNum,
  error: z.string().nullable(),
});
export type SweepSummary = z.infer<typeof sweepSummarySchema>;

export const sweepDetailSchema = sweepSummarySchema.extend({
  request: sweepRequestSchema,
  /** Parameter names in axis order: the table's columns and the chart's choices. */
  paramNames: z.array(z.string()),
  /** Index of the best combination in `results`, null until one has a defined objective. */
  best: num.nullable(),
  results: z.array(sweepResultSchema),
  overfitting: overfittingSchema.nullable(),
});
export type SweepDetail = z.infer<typeof sweepDetailSchema>;

/** How a walk-forward cuts its windows: lengths in sessions or calendar months. */
export const windowPlanSchema = z
  .object({
    mode: z.enum(['rolling', 'anchored']),
    unit: z.enum(['sessions', 'months']),
    inSample: z.number().int().min(1).max(100_000),
    outOfSample: z.number().int().min(1).max(100_000),
    /** How far each window moves; the out-of-sample length when left out. */
    step: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();
export type WindowPlan = z.infer<typeof windowPlanSchema>;

export const walkForwardRequestSchema = sweepRequestSchema.extend({ windows: windowPlanSchema }).strict();
export type WalkForwardRequest = z.output<typeof walkForwardRequestSchema>;

const curveSchema = z.object({ ts: z.array(ts), equity: z.array(num) });

export const walkWindowSchema = z.object({
  index: num,
  inSampleStart: ts,
  inSampleEnd: ts,
  outOfSampleStart: ts,
  outOfSampleEnd: ts,
  params: z.record(z.string(), paramValue),
  inSampleObjective: nullableNum,
  outOfSampleObjective: nullableNum,
  inSample: flatMetricsSchema,
  outOfSample: flatMetricsSchema,
  /** The deflated Sharpe of the window's choice and the PBO of the in-sample sweep it came from. */
  overfitting: overfittingSchema.nullable(),
  /** The chosen parameters' in-sample equity, scaled to start where the stitched curve stands at its start. */
  inSampleCurve: curveSchema,
});

export const walkForwardDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  strategy: z.string(),
  objective: z.string(),
  state: z.enum(RESEARCH_STATES),
  createdAt: ts,
  elapsedMs: nullableNum,
  error: z.string().nullable(),
  done: num,
  total: num,
  request: walkForwardRequestSchema,
  paramNames: z.array(z.string()),
  windows: z.array(walkWindowSchema),
  /** Out-of-sample equity of every window chained into one curve, starting at the initial cash. */
  stitched: curveSchema,
  /** Metrics of the stitched out-of-sample curve. */
  stitchedMetrics: flatMetricsSchema,
  /** Annualised out-of-sample return over annualised in-sample return, averaged over windows; null when undefined. */
  efficiency: nullableNum,
  /** Per parameter: how often the most chosen value was chosen, and the spread of numeric choices. */
  stability: z.array(z.object({ name: z.string(), mostChosen: paramValue.nullable(), share: num, distinct: num, min: nullableNum, max: nullableNum })),
  /** The windows' overfitting statistics averaged, with a one-line reading. */
  overfitting: z.object({ meanPbo: nullableNum, meanDsr: nullableNum, reading: z.string() }),
});
export type WalkForwardDetail = z.infer<typeof walkForwardDetailSchema>;

export const walkForwardSummarySchema = walkForwardDetailSchema.pick({
  id: true,
  name: true,
  strategy: true,
  objective: true,
  state: true,
  createdAt: true,
  elapsedMs: true,
  error: true,
  done: true,
  total: true,
  efficiency: true,
});
export type WalkForwardSummary = z.infer<typeof walkForwardSummarySchema>;

/** A sweep or walk-forward in progress, as the status bar and lists show it. */
export const researchJobSchema = z.object({
  id: z.string(),
  kind: z.enum(['sweep', 'walkforward']),
  name: z.string(),
  state: z.enum(RESEARCH_STATES),
  done: num,
  total: num,
  etaMs: nullableNum,
  error: z.string().nullable(),
});
export type ResearchJob = z.infer<typeof researchJobSchema>;

const byId = z.object({ id: z.string().min(1).max(100) }).strict();

export const researchMethods = {
  /** The metrics a sweep can optimise, and which way. */
  'research.objectives': method(z.object({}).strict().prefault({}), z.array(objectiveSchema)),
  /** Checks a sweep without running it: how many combinations it makes, or what is wrong. */
  'research.plan': method(sweepRequestSchema, z.object({ combinations: num, paramNames: z.array(z.string()), issues: z.array(z.string()) })),
  'research.sweepStart': method(sweepRequestSchema, researchJobSchema),
  'research.walkForwardStart': method(walkForwardRequestSchema, researchJobSchema),
  'research.cancel': method(byId, researchJobSchema),
  'research.jobs': method(z.object({}).strict().prefault({}), z.array(researchJobSchema)),
  'research.sweeps': method(z.object({}).strict().prefault({}), z.array(sweepSummarySchema)),
  'research.sweep': method(byId, sweepDetailSchema),
  /** Records the full run (every order and fill) of one combination as a backtest job; the job names the run once recorded. */
  'research.openRun': method(z.object({ id: z.string().min(1).max(100), index: z.number().int().min(0) }).strict(), z.object({ runId: z.string().nullable(), job: jobSchema.nullable() })),
  /** Deletes a sweep (with its combinations; the runs opened from it stay) or a walk-forward that is not in progress. */
  'research.delete': method(byId, z.object({ deleted: z.boolean() })),
  'research.walkForwards': method(z.object({}).strict().prefault({}), z.array(walkForwardSummarySchema)),
  'research.walkForward': method(byId, walkForwardDetailSchema),
} as const;

export const researchEvents = {
  /** A sweep or walk-forward was queued, progressed or ended. */
  'research.job': researchJobSchema,
} as const;
