import { z } from 'zod';
import { ORDER_LIST_KINDS, ORDER_ROLES } from '../../domain/enums';
import type { OrderExtras } from '../../domain/order';

const extrasSchema = z
  .object({
    trail: z.union([z.object({ amount: z.number().positive() }).strict(), z.object({ percent: z.number().positive().lt(100) }).strict()]).optional(),
    limitOffset: z.number().nonnegative().optional(),
    displayQuantity: z.number().positive().optional(),
    link: z
      .object({ listId: z.string().min(1), kind: z.enum(ORDER_LIST_KINDS), role: z.enum(ORDER_ROLES), parentId: z.string().min(1).nullable() })
      .strict()
      .optional(),
  })
  .strict();

export function extrasJson(extras: OrderExtras | null): string | null {
  return extras === null ? null : JSON.stringify(extras);
}

/** An `extras` column back as OrderExtras; throws naming the order when the stored JSON is not one. */
export function extrasOfJson(json: string | null, orderId: string): OrderExtras | null {
  if (json === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(`order ${orderId}: stored extras are not JSON: ${json.slice(0, 80)}`);
  }
  const parsed = extrasSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`order ${orderId}: stored extras are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}
