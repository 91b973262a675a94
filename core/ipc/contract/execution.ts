import { z } from 'zod';
import { nullableNum } from './common';

const slippageStatsSchema = z.object({
  count: z.number().int(),
  meanBps: nullableNum,
  medianBps: nullableNum,
  p95Bps: nullableNum,
  histogram: z.array(z.object({ fromBps: z.number(), toBps: z.number(), count: z.number().int() })),
});

const shortfallRowSchema = z.object({ label: z.string(), orders: z.number().int(), filled: z.number().int(), shortfallBps: nullableNum });

/**
 * How orders were executed (core/service/execution): slippage of each fill against the order's
 * arrival (decision) price and against its reference quote, implementation shortfall by order type
 * and size, fill rate and time to fill. The same shape for a backtest, a session and manual trading.
 */
export const executionAnalyticsSchema = z.object({
  orders: z.number().int(),
  filled: z.number().int(),
  fillRate: nullableNum,
  medianTimeToFillMs: nullableNum,
  vsArrival: slippageStatsSchema,
  vsReference: slippageStatsSchema,
  byType: z.array(shortfallRowSchema),
  bySize: z.array(shortfallRowSchema),
});
export type ExecutionAnalyticsDto = z.infer<typeof executionAnalyticsSchema>;
