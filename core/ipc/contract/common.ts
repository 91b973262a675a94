import { z } from 'zod';

/** Epoch milliseconds, UTC. */
export const ts = z.number().finite();
export const num = z.number().finite();
export const nullableNum = num.nullable();

/** The input of a method that takes nothing (omitted, or `{}`). */
export const noInput = z.object({}).strict().prefault({});

/**
 * An order as the engine records it, with side, type, time in force and status as plain strings
 * (a stored backtest row); the trading screens narrow them to their enums.
 */
export const orderRecordSchema = z.object({
  id: z.string(),
  clientOrderRef: z.string(),
  instrument: z.string(),
  side: z.string(),
  type: z.string(),
  quantity: num,
  limitPrice: nullableNum,
  stopPrice: nullableNum,
  timeInForce: z.string(),
  status: z.string(),
  filledQuantity: num,
  avgFillPrice: num,
  commission: num,
  statusReason: z.string().nullable(),
  createdAt: ts,
  updatedAt: ts,
});

/** A fill as the engine records it, side a plain string; each area adds its own fields after these. */
export const fillRecordSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  instrument: z.string(),
  side: z.string(),
  quantity: num,
  price: num,
  commission: num,
});
