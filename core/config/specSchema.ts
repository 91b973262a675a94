import { z } from 'zod';
import { plannerSchema, simulatorSchema, timeMachineSchema } from './simulatorSchema';
import { calendarDateSchema } from './calendarDate';

const csvEntrySchema = z
  .object({
    symbol: z.string().min(1),
    csv: z.string().min(1),
  })
  .strict();

const syntheticSchema = z
  .object({
    symbols: z.number().int().positive(),
    years: z.number().finite().positive(),
    seed: z.number().int().default(1),
    start: calendarDateSchema.prefault('2000-01-03'),
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
  })
  .strict()
  .superRefine((data, ctx) => {
    if ((data.csv === undefined) === (data.synthetic === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of csv or synthetic' });
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

export const BENCHMARKS = ['buy_and_hold', 'none'] as const;
export type Benchmark = (typeof BENCHMARKS)[number];

/** A backtest spec file as written (snake_case keys, relative paths, dates as calendar days). */
export const specSchema = z
  .object({
    name: z.string().min(1),
    /** Omitted: the seeded synthetic market, so a spec runs without any data file. */
    data: dataSchema.prefault({ synthetic: { symbols: 20, years: 10 } }),
    strategy: strategySpecSchema,
    /** Omitted: from the first bar of the data. */
    start: calendarDateSchema.optional(),
    /** Inclusive; omitted: to the last bar of the data. */
    end: calendarDateSchema.optional(),
    initial_cash: z.number().finite().positive().default(10_000),
    seed: z.number().int().default(42),
    benchmark: z.enum(BENCHMARKS).default('buy_and_hold'),
    // prefault, not default: the empty section must itself be parsed so its own defaults apply.
    simulator: simulatorSchema.prefault({}),
    planner: plannerSchema.prefault({}),
    time_machine: timeMachineSchema.prefault({}),
  })
  .strict();
export type SpecInput = z.input<typeof specSchema>;
export type ParsedSpec = z.output<typeof specSchema>;
