import { pboInput } from '../../research/overfitting';
import { combinePbo, type PboResult } from '../../research/stats/pbo';
import type { TrialStats } from '../../research/trialStats';
import type { SweepPool } from './sweepPool';

/**
 * The PBO of a sweep's combinations, its splits shared among the pool's workers: the combinations' block sums
 * go once into shared memory, each worker scores a run of split pairs, and the parts combine exactly as one
 * thread would have computed them. Null when the trials cannot support it (fewer than 2, or too few sessions).
 */
export async function parallelPbo(pool: SweepPool, trials: readonly TrialStats[]): Promise<PboResult | null> {
  const input = pboInput(trials);
  if (input === null) return null;
  const { layout } = input;
  const shared = (a: Float64Array): Float64Array => {
    const out = new Float64Array(new SharedArrayBuffer(a.byteLength));
    out.set(a);
    return out;
  };
  const sum = shared(input.sum);
  const sumSquares = shared(input.sumSquares);
  const pairs = layout.splits / 2;
  const shares = Math.min(pool.workers, pairs);
  const cuts = Array.from({ length: shares + 1 }, (_, k) => Math.round((k * pairs) / shares));
  const parts = await Promise.all(cuts.slice(1).map((to, k) => pool.pboPart({ sum, sumSquares, layout, from: cuts[k], to })));
  return combinePbo(layout, parts);
}
