/**
 * The standard normal distribution's CDF Φ and quantile Φ⁻¹, written out so the overfitting statistics
 * need no dependency. Both keep about 1e-15 relative accuracy in either tail, which the deflated Sharpe
 * ratio needs (Φ⁻¹(1 − 1/N) for large N, Φ of large z).
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Where the upper tail switches from the power series to the continued fraction. */
const SERIES_LIMIT = 2;
/** Beyond this, Q(x) is below the smallest double (Q(38.5) ≈ 1e-324). */
const TAIL_LIMIT = 40;

function density(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * Q(x) = 1 − Φ(x) for x >= 0. Near the centre, Marsaglia's series Φ(x) = 1/2 + φ(x)·Σ x^(2k+1)/(2k+1)!!
 * (all terms positive, so no cancellation inside the sum); further out, the Laplace continued fraction
 * Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated by the modified Lentz method, which keeps full
 * relative accuracy however small Q gets.
 */
function upperTail(x: number): number {
  if (x > TAIL_LIMIT) return 0;
  if (x <= SERIES_LIMIT) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let k = 1; Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
      term *= x2 / (2 * k + 1);
      sum += term;
    }
    return 0.5 - density(x) * sum;
  }
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = 1 / (x + k * d);
    c = x + k / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return density(x) / f;
}

/** Φ(x), the standard normal CDF. Throws on NaN. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('normalCdf: x is NaN');
  return x >= 0 ? 1 - upperTail(x) : upperTail(-x);
}

// Acklam's rational approximation to Φ⁻¹ (relative error below 1.15e-9), refined below.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Acklam's first guess for p in (0, 0.5]. */
function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/**
 * Φ⁻¹(p), the standard normal quantile: Acklam's approximation plus one Halley step on Φ(x) − p, which
 * takes it from ~1e-9 to ~1e-15. Upper-half probabilities are answered as −Φ⁻¹(1 − p) (1 − p is exact
 * there), so the refinement always works in the lower tail, where p keeps its relative precision.
 * Φ⁻¹(0) = −∞ and Φ⁻¹(1) = +∞; throws outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  const x = acklam(p);
  const pdf = density(x);
  if (pdf === 0) return x;
  const u = (normalCdf(x) - p) / pdf;
  return x - u / (1 + (x * u) / 2);
}
