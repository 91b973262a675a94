import { z } from 'zod';

/** Fraction of equity the whole strategy puts to work (1 = fully invested, 2 = 2x gross). */
export const weightParam = z.number().finite().positive().default(1);

/** Equal weights over `symbols`, summing to `weight`: the shape most built-ins target. */
export function equalWeights(symbols: readonly string[], weight: number): Map<string, number> {
  const each = symbols.length ? weight / symbols.length : 0;
  const out = new Map<string, number>();
  for (const s of symbols) out.set(s, each);
  return out;
}
