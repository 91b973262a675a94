import { combinePbo, pboLayout, type PboResult } from '../../research/stats/pbo';
import type { SweepPool } from './sweepPool';

/**
 * The PBO of a sweep's combinations, its splits shared among the pool's workers: the returns go once into
 * shared memory (no copy per worker), each worker scores a run of split pairs, and the parts combine exactly
 * as one thread would have computed them. Null when the returns cannot support it (fewer than 2 combinations
 * or 4 sessions).
 */
export async function parallelPbo(pool: SweepPool, returns: readonly Float64Array[]): Promise<PboResult | null> {
  if (returns.length < 2 || returns[0].length < 4) return null;
  const layout = pboLayout(returns);
  const rows = returns[0].length;
  const shared = new Float64Array(new SharedArrayBuffer(returns.length * rows * 8));
  returns.forEach((r, i) => shared.set(r, i * rows));
  const pairs = layout.splits / 2;
  const shares = Math.min(pool.workers, pairs);
  const cuts = Array.from({ length: shares + 1 }, (_, k) => Math.round((k * pairs) / shares));
  const parts = await Promise.all(
    cuts.slice(1).map((to, k) => pool.pboPart({ returns: shared, trials: returns.length, rows, layout, from: cuts[k], to })),
  );
  return combinePbo(layout, parts);
}
