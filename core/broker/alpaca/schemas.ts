import { z } from 'zod';

/**
 * Alpaca's wire JSON (snake_case, decimals as strings), checked where it enters the app: REST bodies
 * and trade_updates frames. Only the fields the adapter reads are listed; others pass untouched.
 */

/** A decimal as Alpaca sends it ("12.5", sometimes a number): a finite number. */
const decimal = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(v);
  if (v === '' || !Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `not a decimal: ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return n;
});
const optionalDecimal = decimal.nullish().transform((v) => v ?? null);
const time = z.string().min(1);

const orderFields = z.object({
  id: z.string().min(1),
  client_order_id: z.string().min(1),
  symbol: z.string().min(1),
  side: z.enum(['buy', 'sell']),
  type: z.string().min(1),
  time_in_force: z.string().min(1),
  status: z.string().min(1),
  qty: optionalDecimal,
  filled_qty: decimal,
  filled_avg_price: optionalDecimal,
  limit_price: optionalDecimal,
  stop_price: optionalDecimal,
  created_at: time.nullish(),
  updated_at: time.nullish(),
  replaced_by: z.string().nullish(),
  replaces: z.string().nullish(),
  order_class: z.string().nullish(),
});

/** An order; a bracket's, OCO's or OTO's parent carries its legs (one level: legs have none). */
export const alpacaOrderSchema = orderFields.extend({ legs: z.array(orderFields).nullish() });
export type AlpacaOrder = z.infer<typeof alpacaOrderSchema>;

export const alpacaOrderListSchema = z.array(alpacaOrderSchema);

/** One frame of the trade_updates stream; `price`/`qty` are the execution's, `order.filled_qty` the cumulative. */
export const tradeUpdateSchema = z.object({
  event: z.string().min(1),
  execution_id: z.string().nullish(),
  timestamp: time.nullish(),
  price: optionalDecimal,
  qty: optionalDecimal,
  order: alpacaOrderSchema,
});
export type TradeUpdate = z.infer<typeof tradeUpdateSchema>;

/** A FILL account activity (GET /v2/account/activities/FILL). */
export const fillActivitySchema = z.object({
  id: z.string().min(1),
  activity_type: z.literal('FILL'),
  order_id: z.string().min(1),
  symbol: z.string().min(1),
  side: z.string().min(1),
  qty: decimal,
  cum_qty: decimal,
  price: decimal,
  transaction_time: time,
});
export type FillActivity = z.infer<typeof fillActivitySchema>;
export const fillActivityListSchema = z.array(fillActivitySchema);

export const alpacaPositionSchema = z.object({
  symbol: z.string().min(1),
  qty: decimal,
  side: z.string().nullish(),
  avg_entry_price: decimal,
  current_price: optionalDecimal,
  market_value: optionalDecimal,
  unrealized_pl: optionalDecimal,
});
export type AlpacaPosition = z.infer<typeof alpacaPositionSchema>;
export const alpacaPositionListSchema = z.array(alpacaPositionSchema);

export const alpacaAccountSchema = z.object({
  account_number: z.string().nullish(),
  status: z.string().nullish(),
  currency: z.string().nullish(),
  cash: decimal,
  equity: decimal,
  buying_power: decimal,
  last_equity: optionalDecimal,
  long_market_value: optionalDecimal,
  short_market_value: optionalDecimal,
});
export type AlpacaAccount = z.infer<typeof alpacaAccountSchema>;

export const alpacaAssetSchema = z.object({
  symbol: z.string().min(1),
  tradable: z.boolean(),
  fractionable: z.boolean().nullish(),
  status: z.string().nullish(),
});
export type AlpacaAsset = z.infer<typeof alpacaAssetSchema>;

/** A bar as the market-data REST API sends it. */
export const alpacaBarSchema = z.object({ t: time, o: decimal, h: decimal, l: decimal, c: decimal, v: decimal });
export const alpacaBarsPageSchema = z.object({
  bars: z.union([z.array(alpacaBarSchema), z.record(z.string(), z.array(alpacaBarSchema))]).nullish(),
  next_page_token: z.string().nullish(),
});

export const latestBarsSchema = z.object({ bars: z.record(z.string(), alpacaBarSchema) });

export const alpacaQuoteSchema = z.object({ bp: optionalDecimal, ap: optionalDecimal });
export const latestQuotesSchema = z.object({ quotes: z.record(z.string(), alpacaQuoteSchema) });
export const latestTradesSchema = z.object({ trades: z.record(z.string(), z.object({ p: decimal })) });

/** Where a parse failed, for an error that names what and where. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Error(`${what}: unexpected message from Alpaca at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
