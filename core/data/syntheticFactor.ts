import type { Prng } from './prng';

export interface GarchParams {
  /** Long-run daily standard deviation of the factor's returns. */
  readonly longRunSd: number;
  /** Weight of yesterday's squared shock (reaction). */
  readonly alpha: number;
  /** Weight of yesterday's variance (persistence); alpha + beta < 1. */
  readonly beta: number;
}

export interface FactorPath {
  /** Daily log returns, zero mean. */
  readonly returns: Float64Array;
  /** Conditional variance each day, so dependents can let their own volatility follow the factor's. */
  readonly variance: Float64Array;
}

const JUMP_PROBABILITY = 0.04;
const JUMP_SCALE = 2.5;
/** Rescales the normal/jump scale mixture to unit variance: 1 - p + p * scale^2. */
const MIXTURE_SD = Math.sqrt(1 - JUMP_PROBABILITY + JUMP_PROBABILITY * JUMP_SCALE * JUMP_SCALE);

/**
 * Unit-variance shock with fatter tails than a normal: a scale mixture where a few days draw from a wider
 * normal, which is cheaper than a Student-t and gives the excess kurtosis seen in real daily returns.
 */
export function fatTailShock(prng: Prng): number {
  const scale = prng.next() < JUMP_PROBABILITY ? JUMP_SCALE : 1;
  return (prng.normal() * scale) / MIXTURE_SD;
}

/** GARCH(1,1) path with fat-tailed shocks: calm and turbulent stretches cluster as in real markets. */
export function simulateGarchFactor(prng: Prng, days: number, params: GarchParams): FactorPath {
  const { longRunSd, alpha, beta } = params;
  const longRunVar = longRunSd * longRunSd;
  const omega = (1 - alpha - beta) * longRunVar;
  const returns = new Float64Array(days);
  const variance = new Float64Array(days);
  let v = longRunVar;
  for (let t = 0; t < days; t++) {
    const r = Math.sqrt(v) * fatTailShock(prng);
    returns[t] = r;
    variance[t] = v;
    v = omega + alpha * r * r + beta * v;
  }
  return { returns, variance };
}

export interface RegimeParams {
  /** Volatility in the turbulent regime as a multiple of calm. */
  readonly turbulent_vol: number;
  /** Mean length of a calm spell, in days. */
  readonly calm_days: number;
  /** Mean length of a turbulent spell, in days. */
  readonly turbulent_days: number;
}

/**
 * A two-state Markov chain, one state a day (1 = turbulent), starting calm. Leaving a state has
 * probability 1 / (its mean length), so spells last `calm_days` and `turbulent_days` on average.
 */
export function simulateRegimes(prng: Prng, days: number, params: RegimeParams): Uint8Array {
  const leaveCalm = 1 / params.calm_days;
  const leaveTurbulent = 1 / params.turbulent_days;
  const turbulent = new Uint8Array(days);
  let state = 0;
  for (let t = 0; t < days; t++) {
    turbulent[t] = state;
    if (prng.next() < (state === 0 ? leaveCalm : leaveTurbulent)) state ^= 1;
  }
  return turbulent;
}

/** Scales a factor's returns by `multiple` on turbulent days, and its variance by the square, in place. */
export function applyRegimes(path: FactorPath, turbulent: Uint8Array, multiple: number): void {
  const square = multiple * multiple;
  for (let t = 0; t < turbulent.length; t++) {
    if (turbulent[t] === 0) continue;
    path.returns[t] *= multiple;
    path.variance[t] *= square;
  }
}
