import { z } from 'zod';

/**
 * Shapes of what @stoqey/ib hands the adapter, checked before use: TWS versions drift, the decoder
 * fills unset fields with undefined or 0, and a mis-framed message yields garbage. Only the fields
 * the adapter reads are checked; anything else passes through untouched.
 */

const finite = z.number().finite();
const optFinite = finite.optional();
const int = z.number().int();

const contract = z.object({
  conId: int.optional(),
  symbol: z.string().optional(),
  secType: z.string().optional(),
  currency: z.string().optional(),
  primaryExch: z.string().optional(),
});

export const orderStatusSchema = z.object({
  orderId: int,
  status: z.string().min(1),
  filled: optFinite,
  remaining: optFinite,
  avgFillPrice: optFinite,
  permId: int.optional(),
  clientId: int.optional(),
  whyHeld: z.string().optional(),
});
export type IbOrderStatusMsg = z.infer<typeof orderStatusSchema>;

export const openOrderSchema = z.object({
  orderId: int,
  contract,
  order: z.object({
    orderRef: z.string().optional(),
    permId: int.optional(),
    clientId: int.optional(),
    action: z.string().optional(),
    totalQuantity: optFinite,
    orderType: z.string().optional(),
    lmtPrice: optFinite,
    /** The stop; a trailing order's trail amount. */
    auxPrice: optFinite,
    /** A trailing order's stop as TWS moved it. */
    trailStopPrice: optFinite,
    trailingPercent: optFinite,
    ocaGroup: z.string().optional(),
    ocaType: int.optional(),
  }),
  orderState: z.object({ status: z.string().optional() }),
});
export type IbOpenOrderMsg = z.infer<typeof openOrderSchema>;

export const completedOrderSchema = z.object({
  contract,
  order: z.object({
    orderRef: z.string().optional(),
    permId: int.optional(),
    action: z.string().optional(),
    totalQuantity: optFinite,
    filledQuantity: optFinite,
  }),
  orderState: z.object({ status: z.string().optional(), completedStatus: z.string().optional() }),
});
export type IbCompletedOrderMsg = z.infer<typeof completedOrderSchema>;

export const executionSchema = z.object({
  reqId: int,
  contract: contract.extend({ symbol: z.string().min(1) }),
  execution: z.object({
    execId: z.string().min(1),
    orderId: int.optional(),
    clientId: int.optional(),
    permId: int.optional(),
    side: z.enum(['BOT', 'SLD']),
    shares: finite.positive(),
    price: finite.positive(),
    cumQty: optFinite,
    avgPrice: optFinite,
    orderRef: z.string().optional(),
    time: z.string().optional(),
    acctNumber: z.string().optional(),
  }),
});
export type IbExecutionMsg = z.infer<typeof executionSchema>;

export const commissionReportSchema = z.object({
  execId: z.string().min(1),
  commission: finite.nonnegative(),
  currency: z.string().optional(),
});
export type IbCommissionMsg = z.infer<typeof commissionReportSchema>;

export const positionSchema = z.object({
  account: z.string(),
  contract: contract.extend({ symbol: z.string().min(1) }),
  pos: finite,
  avgCost: optFinite,
});
export type IbPositionMsg = z.infer<typeof positionSchema>;

export const portfolioSchema = z.object({
  contract: contract.extend({ symbol: z.string().min(1) }),
  position: finite,
  marketPrice: optFinite,
  marketValue: optFinite,
  averageCost: optFinite,
  unrealizedPNL: optFinite,
  realizedPNL: optFinite,
  accountName: z.string().optional(),
});
export type IbPortfolioMsg = z.infer<typeof portfolioSchema>;

export const accountValueSchema = z.object({
  key: z.string().min(1),
  value: z.string(),
  currency: z.string(),
  account: z.string(),
});
export type IbAccountValueMsg = z.infer<typeof accountValueSchema>;

export const historicalBarSchema = z.object({
  reqId: int,
  time: z.string().min(1),
  open: finite,
  high: finite,
  low: finite,
  close: finite,
  volume: finite,
});
export type IbHistoricalBarMsg = z.infer<typeof historicalBarSchema>;

/**
 * One realtimeBar (reqRealTimeBars): the start in epoch seconds, positive prices that make a bar
 * (low <= open, close <= high) and a volume that is not negative. WAP and count are not read.
 */
export const realTimeBarSchema = z
  .object({
    reqId: int,
    time: int.positive(),
    open: finite.positive(),
    high: finite.positive(),
    low: finite.positive(),
    close: finite.positive(),
    volume: finite.nonnegative(),
  })
  .refine((b) => b.high >= b.low, { message: 'high is below low', path: ['high'] })
  .refine((b) => b.open >= b.low && b.open <= b.high, { message: 'open is outside low..high', path: ['open'] })
  .refine((b) => b.close >= b.low && b.close <= b.high, { message: 'close is outside low..high', path: ['close'] });
export type IbRealTimeBarMsg = z.infer<typeof realTimeBarSchema>;

export const tickPriceSchema = z.object({ reqId: int, field: int, value: finite });

export const contractDetailsSchema = z.object({
  reqId: int,
  details: z.object({
    contract: contract.extend({ conId: int.positive(), symbol: z.string().min(1) }),
    minTick: optFinite,
    longName: z.string().optional(),
  }),
});
export type IbContractDetailsMsg = z.infer<typeof contractDetailsSchema>;

/** Parses `value` or returns a one-line description of what is wrong with it. */
export function check<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; error: string } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return { ok: false, error: `${issue.path.join('.') || '(value)'}: ${issue.message}` };
}
