import { mean } from './stats';

/** Beta of `returns` to `benchmark` (same days): sample covariance over benchmark variance; null when undefined. */
export function beta(returns: readonly number[], benchmark: readonly number[]): number | null {
  if (returns.length !== benchmark.length) {
    throw new Error(`beta: ${returns.length} portfolio returns but ${benchmark.length} benchmark returns`);
  }
  if (returns.length < 2) return null;
  const mp = mean(returns);
  const mb = mean(benchmark);
  let cov = 0;
  let varB = 0;
  for (let i = 0; i < returns.length; i++) {
    cov += (returns[i] - mp) * (benchmark[i] - mb);
    varB += (benchmark[i] - mb) ** 2;
  }
  return varB === 0 ? null : cov / varB;
}
