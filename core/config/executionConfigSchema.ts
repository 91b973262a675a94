// The execution config's shape: pure schemas and types, free of file access, so the contract (and
// through it the renderer) can name these types.
import { z } from 'zod';
import { MODES, ORDER_TYPES, TIME_IN_FORCE } from '../domain/enums';
import { plannerSchema, simulatorSchema, timeMachineSchema } from './simulatorSchema';

/** A limit that may be switched off with null (e.g. notional caps in a backtest). */
const limit = z.number().finite().positive().nullable();

/** TWS / IB Gateway: `type: ib` may be left out (every config before Alpaca existed says nothing of it). */
export const ibBrokerConfigSchema = z
  .object({
    type: z.literal('ib').optional(),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(1).max(65_535),
    client_id: z.number().int().nonnegative(),
  })
  .strict();
export type IbBrokerConfig = z.infer<typeof ibBrokerConfigSchema>;

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
const wsUrl = z.url({ protocol: /^wss?$/, error: 'expected a ws(s) URL' });

/** Alpaca: its public endpoints by default; the trading streams are each trading URL's …/stream. */
export const alpacaBrokerConfigSchema = z
  .object({
    type: z.literal('alpaca'),
    paper_url: httpUrl.default('https://paper-api.alpaca.markets'),
    live_url: httpUrl.default('https://api.alpaca.markets'),
    data_url: httpUrl.default('https://data.alpaca.markets'),
    data_stream_url: wsUrl.default('wss://stream.data.alpaca.markets'),
  })
  .strict();
export type AlpacaBrokerConfig = z.infer<typeof alpacaBrokerConfigSchema>;

/** Where PAPER and LIVE trade: `type: ib` (the default) or `type: alpaca`. */
export const brokerConnectionSchema = z.discriminatedUnion('type', [ibBrokerConfigSchema, alpacaBrokerConfigSchema], {
  error: 'expected type: ib (TWS / IB Gateway, the default) or type: alpaca',
});
export type BrokerConnectionConfig = z.infer<typeof brokerConnectionSchema>;

export const orderDefaultsSchema = z
  .object({
    time_in_force: z.enum(TIME_IN_FORCE).default('DAY'),
    order_type: z.enum(ORDER_TYPES).default('MARKET'),
  })
  .strict();
export type OrderDefaultsConfig = z.infer<typeof orderDefaultsSchema>;

export const riskChecksSchema = z
  .object({
    /** Instruments that may be traded; empty allows all. */
    allowed_symbols: z.array(z.string().min(1)).default([]),
    max_order_size_usd: limit.default(null),
    max_position_usd: limit.default(null),
    max_portfolio_leverage: limit.default(null),
    max_order_quantity: limit.default(null),
    /** Fat-finger band: a priced order further than this fraction from the last price is refused. */
    price_band_pct: limit.default(null),
    circuit_breaker: z
      .object({
        /** Trading halts after this many rejections within the window. */
        max_rejections: z.number().int().positive(),
        window_seconds: z.number().finite().positive(),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type RiskChecksConfig = z.infer<typeof riskChecksSchema>;

export const executionConfigSchema = z
  .object({
    mode: z.enum(MODES),
    simulator: simulatorSchema.prefault({}),
    time_machine: timeMachineSchema.prefault({}),
    planner: plannerSchema.prefault({}),
    /** The TWS / IB Gateway to connect to; PAPER and LIVE need one. */
    broker: brokerConnectionSchema.optional(),
    order_defaults: orderDefaultsSchema.prefault({}),
    risk_checks: riskChecksSchema.prefault({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.mode !== 'BACKTEST' && config.broker === undefined) {
      ctx.addIssue({ code: 'custom', path: ['broker'], message: `is required in ${config.mode} mode` });
    }
  });
export type ExecutionConfig = z.output<typeof executionConfigSchema>;
