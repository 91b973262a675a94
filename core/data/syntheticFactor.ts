import type { Prng } from './prng';

export interface GarchParams {
  /** Long-run daily standard deviation of the factor's returns. */
  readonly longRunSd: number;
  /** Weight of yesterday's squared shock (reaction). */
  readonly alpha: number;
  /** Weight of yesterday's variance (persistence); alpha + beta < 1. */
  readonly beta: number;
  /** Degrees of freedom of the Student-t shocks (> 2): the lower, the fatter the tails. */
  readonly nu: number;
}

export interface FactorPath {
  /** Daily log returns, zero mean. */
  readonly returns: Float64Array;
  /** Conditional variance each day, so dependents can let their own volatility follow the factor's. */
  readonly variance: Float64Array;
}

/** A unit-variance shock. */
export type Shock = (prng: Prng) => number;

const JUMP_PROBABILITY = 0.04;
const JUMP_SCALE = 2.5;
/** Rescales the normal/jump scale mixture to unit variance: 1 - p + p * scale^2. */
const MIXTURE_SD = Math.sqrt(1 - JUMP_PROBABILITY + JUMP_PROBABILITY * JUMP_SCALE * JUMP_SCALE);

/**
 * Unit-variance shock with fatter tails than a normal (excess kurtosis 2.2): a scale mixture where a few days
 * draw from a wider normal. It costs a normal and a uniform, half a Student-t draw: the choice for the
 * millions of per-symbol days.
 */
export function fatTailShock(prng: Prng): number {
  const scale = prng.next() < JUMP_PROBABILITY ? JUMP_SCALE : 1;
  return (prng.normal() * scale) / MIXTURE_SD;
}

/**
 * Student-t shocks with `nu` (> 2) degrees of freedom, scaled to unit variance: the fat tails of real daily
 * returns. Bailey's polar method needs a pair of uniforms, a log and an exp, and no chi-square draw.
 */
export function studentTShock(nu: number): Shock {
  if (!(nu > 2) || !Number.isFinite(nu)) throw new RangeError(`studentTShock: nu must be a finite number above 2, got ${nu}`);
  const exponent = -2 / nu;
  const unitVariance = Math.sqrt((nu - 2) / nu);
  return (prng) => {
    let u: number;
    let w: number;
    do {
      u = 2 * prng.next() - 1;
      const v = 2 * prng.next() - 1;
      w = u * u + v * v;
    } while (w >= 1);
    // exp(a log w) is w^a at a third of Math.pow's cost.
    return u * Math.sqrt((nu * (Math.exp(exponent * Math.log(w)) - 1)) / w) * unitVariance;
  };
}

/** GARCH(1,1) path with Student-t shocks: calm and turbulent stretches cluster as in real markets. */
export function simulateGarchFactor(prng: Prng, days: number, params: GarchParams): FactorPath {
  const { longRunSd, alpha, beta } = params;
  const shock = studentTShock(params.nu);
  const longRunVar = longRunSd * longRunSd;
  const omega = (1 - alpha - beta) * longRunVar;
  const returns = new Float64Array(days);
  const variance = new Float64Array(days);
  let v = longRunVar;
  for (let t = 0; t < days; t++) {
    const r = Math.sqrt(v) * shock(prng);
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

/** One component of a stochastic volatility level: an AR(1) in log sd. */
export interface VolSpell {
  /** Day-to-day persistence of the log sd (0..1). */
  readonly persistence: number;
  /** Stationary standard deviation of the log sd. */
  readonly sd: number;
}

/**
 * Writes a variance multiplier per day into `out`: exp(2 x) for x the sum of the AR(1) components, divided by
 * its mean so the long-run variance is kept. It moves every `stepDays` days (persistence^stepDays a step), the
 * spells of weeks to years that GARCH's day-to-day reaction cannot give; one exp a step keeps it cheap.
 */
export function fillVolSpells(prng: Prng, out: Float64Array, spells: readonly VolSpell[], stepDays: number): void {
  const n = spells.length;
  const keep = spells.map((c) => c.persistence ** stepDays);
  const innovation = spells.map((c, i) => c.sd * Math.sqrt(1 - keep[i] * keep[i]));
  const x = spells.map((c) => c.sd * prng.normal());
  // exp(2x) for x ~ N(0, v) has mean exp(2v).
  const bias = 2 * spells.reduce((v, c) => v + c.sd * c.sd, 0);
  let level = 1;
  for (let t = 0; t < out.length; t++) {
    if (t % stepDays === 0) {
      let logSd = 0;
      for (let i = 0; i < n; i++) {
        x[i] = keep[i] * x[i] + innovation[i] * prng.normal();
        logSd += x[i];
      }
      level = Math.exp(2 * logSd - bias);
    }
    out[t] = level;
  }
}
