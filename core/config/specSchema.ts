import { z } from 'zod';
import { ADJUSTMENTS } from '../data/adjust';
import { parseBarSize } from '../data/resample';
import { DEFAULT_SYNTHETIC_WORLD } from '../data/syntheticDefaults';
import { syntheticKnobsSchema } from '../data/syntheticOptions';
import { riskChecksSchema } from './executionConfigSchema';
import { plannerSchema, shortsAllowed, simulatorSchema, timeMachineSchema } from './simulatorSchema';
import { calendarDateSchema } from './calendarDate';

/** Longest name (spec, run, symbol) a spec may give: enough for any real one, short enough to display. */
export const MAX_NAME_CHARS = 200;
/** Largest starting cash: far above any real account, low enough that sums of cash and positions stay exact to the cent. */
export const MAX_INITIAL_CASH = 1e15;

const csvEntrySchema = z
  .object({
    symbol: z.string().min(1).max(MAX_NAME_CHARS),
    csv: z.string().min(1),
  })
  .strict();

const syntheticSchema = z
  .object({
    symbols: z.number().int().positive(),
    years: z.number().finite().positive(),
    seed: z.number().int().default(1),
    start: calendarDateSchema.prefault(DEFAULT_SYNTHETIC_WORLD.start),
  })
  // Bar size, session, regimes, correlation, drift, volume and spread: all optional (core/data/syntheticOptions.ts).
  .extend(syntheticKnobsSchema.shape)
  .strict();

/** A bar size as parseBarSize reads it ('1d', '5m', '1w', ...), with its message when it is not one. */
const barSizeSchema = z.string().superRefine((text, ctx) => {
  try {
    parseBarSize(text);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

/** Series from the app's bar store (`npm run data -- import`). */
const storeSchema = z
  .object({
    /** Omitted: every series of the bar size. */
    symbols: z.array(z.string().min(1).max(MAX_NAME_CHARS)).min(1).optional(),
    bar_size: barSizeSchema.default('1d'),
    /** The store's SQLite file, relative to the spec; omitted: the database the run is recorded in. */
    db: z.string().min(1).optional(),
  })
  .strict();

export const dataSchema = z
  .object({
    /** One CSV path (its symbol is the file name without extension), or a list of {symbol, csv}. */
    csv: z
      .union([z.string().min(1), z.array(csvEntrySchema).min(1)], {
        error: 'expected a path or a list of {symbol, csv}',
      })
      .optional(),
    synthetic: syntheticSchema.optional(),
    store: storeSchema.optional(),
    /** How csv and store prices are adjusted for splits and dividends (core/data/ADJUSTMENTS.md). */
    adjustment: z.enum(ADJUSTMENTS).default('raw'),
  })
  .strict()
  .superRefine((data, ctx) => {
    const sources = [data.csv, data.synthetic, data.store].filter((source) => source !== undefined).length;
    if (sources !== 1) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of csv, synthetic or store' });
    }
    if (data.synthetic !== undefined && data.adjustment !== 'raw') {
      ctx.addIssue({ code: 'custom', path: ['adjustment'], message: 'applies to csv and store data only; synthetic prices are never adjusted' });
    }
    if (Array.isArray(data.csv)) {
      const seen = new Set<string>();
      data.csv.forEach((entry, i) => {
        if (seen.has(entry.symbol)) {
          ctx.addIssue({ code: 'custom', path: ['csv', i, 'symbol'], message: 'duplicate symbol' });
        }
        seen.add(entry.symbol);
      });
    }
  });

/** A time zone the runtime knows (IANA name). */
const timeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a time zone this runtime knows (use an IANA name such as America/New_York)' },
);

/**
 * Forward testing (`tradedesk live`): how a paper or live session of the spec's strategy forms its
 * bars and what stops it. Backtests ignore it.
 */
export const sessionSpecSchema = z
  .object({
    /** Bar size of the session's decisions; omitted: the data's. */
    bar_size: barSizeSchema.optional(),
    /** Daily bars: the exchange time of day the day's bar so far is decided on. */
    decision_time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected HH:MM (24-hour)' })
      .default('15:50'),
    time_zone: timeZoneSchema.default('America/New_York'),
    /** How long a session's bars wait for symbols that have not reported (ms). */
    grace_ms: z.number().int().positive().max(600_000).default(10_000),
    /** Years of daily history the broker is asked for before the first decision. */
    warmup_years: z.number().positive().max(30).default(2),
    /** Intraday bars: how many bars of the session's size the broker is asked for before the first decision. */
    warmup_bars: z.number().int().positive().max(100_000).default(500),
    /** Stops and flattens the session when it loses this much in a day (since the previous day's last decision). */
    max_daily_loss: z.number().finite().positive().optional(),
    /** Stops and flattens the session when one position is worth more than this. */
    max_position_value: z.number().finite().positive().optional(),
  })
  .strict();

export const strategySpecSchema = z
  .object({
    /** A built-in strategy's registered name. */
    name: z.string().min(1).optional(),
    /** Path to a user strategy module, relative to the spec file. */
    module: z.string().min(1).optional(),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .superRefine((strategy, ctx) => {
    if ((strategy.name === undefined) === (strategy.module === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of name or module' });
    }
  });

/** Built-in strategy params that open short positions: refused up front on an account that cannot hold them. */
const SHORTING_PARAMS: Readonly<Record<string, { key: string; value: unknown }>> = {
  'sma-cross': { key: 'mode', value: 'long_short' },
};

export const BENCHMARKS = ['buy_and_hold', 'none'] as const;
export type Benchmark = (typeof BENCHMARKS)[number];

/** A backtest spec file as written (snake_case keys, relative paths, dates as calendar days). */
export const specSchema = z
  .object({
    name: z.string().min(1).max(MAX_NAME_CHARS),
    /** Omitted: the seeded synthetic market, so a spec runs without any data file. */
    data: dataSchema.prefault({ synthetic: { ...DEFAULT_SYNTHETIC_WORLD } }),
    strategy: strategySpecSchema,
    /** Omitted: from the first bar of the data. */
    start: calendarDateSchema.optional(),
    /** Inclusive; omitted: to the last bar of the data. */
    end: calendarDateSchema.optional(),
    initial_cash: z.number().finite().positive().max(MAX_INITIAL_CASH).default(10_000),
    seed: z.number().int().default(42),
    benchmark: z.enum(BENCHMARKS).default('buy_and_hold'),
    /** Close every open position at the last session's close, with costs, so no trade is left open. */
    close_at_end: z.boolean().default(false),
    // prefault, not default: the empty section must itself be parsed so its own defaults apply.
    simulator: simulatorSchema.prefault({}),
    planner: plannerSchema.prefault({}),
    time_machine: timeMachineSchema.prefault({}),
    /**
     * The pre-trade limits and circuit breaker every order of the run passes, as in paper and live
     * (configs/execution/backtest.yaml's by default: none set); `off` runs without them.
     */
    risk_checks: z.union([z.literal('off'), riskChecksSchema]).default(() => riskChecksSchema.parse({})),
    /** Forward-testing settings (see sessionSpecSchema); omitted: their defaults. */
    session: sessionSpecSchema.optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const name = spec.strategy.name;
    const shorting = name !== undefined && Object.hasOwn(SHORTING_PARAMS, name) ? SHORTING_PARAMS[name] : undefined;
    if (!shorting || spec.strategy.params[shorting.key] !== shorting.value || shortsAllowed(spec.simulator.account)) return;
    ctx.addIssue({
      code: 'custom',
      path: ['strategy', 'params', shorting.key],
      message: `${String(shorting.value)} needs a margin account with allow_short (simulator.account is ${spec.simulator.account.type}${spec.simulator.account.allow_short === false ? ', allow_short: false' : ''})`,
    });
  });
export type SpecInput = z.input<typeof specSchema>;
export type ParsedSpec = z.output<typeof specSchema>;
