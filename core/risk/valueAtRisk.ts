import { normalPdf, normalQuantile } from './normal';
import { quantile } from './quantile';
import { mean, sampleStd } from './stats';

/** VaR and expected shortfall as positive fractions of portfolio value (a loss of 0.02 is 2 %). */
export interface VarEs {
  var: number;
  es: number;
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new Error(`confidence must be strictly between 0 and 1, got ${confidence}`);
}

/**
 * Historical VaR and ES at `confidence` from a sample of returns: VaR = −Q(1 − confidence) with the
 * type-7 quantile of ./quantile; ES = −(mean of the returns at or below that quantile), the average
 * of the tail the VaR cuts off. Needs at least two returns.
 */
export function historicalVarEs(returns: readonly number[], confidence: number): VarEs {
  checkConfidence(confidence);
  if (returns.length < 2) throw new Error(`historical VaR needs at least 2 returns, got ${returns.length}`);
  const q = quantile(returns, 1 - confidence);
  const tail = returns.filter((r) => r <= q);
  return { var: -q, es: -mean(tail) };
}

/**
 * Parametric (normal) VaR and ES over `horizonDays`: with daily mean μ and sample deviation σ scaled by
 * the square root of time (μ·h, σ·√h), VaR = z·σ√h − μh and ES = σ√h·φ(z)/(1 − α) − μh, z = Φ⁻¹(α).
 */
export function parametricVarEs(returns: readonly number[], confidence: number, horizonDays = 1, volScale = 1): VarEs {
  checkConfidence(confidence);
  if (returns.length < 2) throw new Error(`parametric VaR needs at least 2 returns, got ${returns.length}`);
  if (!(horizonDays >= 1)) throw new Error(`horizonDays must be at least 1, got ${horizonDays}`);
  const mu = mean(returns) * horizonDays;
  const sigma = sampleStd(returns) * volScale * Math.sqrt(horizonDays);
  const z = normalQuantile(confidence);
  return { var: z * sigma - mu, es: (sigma * normalPdf(z)) / (1 - confidence) - mu };
}

/**
 * Overlapping h-day compounded returns: one per start day, Π(1 + r) − 1 over days i..i+h−1. Historical
 * h-day VaR uses these rather than √h scaling, so fat tails and autocorrelation stay in the sample
 * (at the cost of windows that share days).
 */
export function overlappingReturns(returns: readonly number[], horizonDays: number): number[] {
  if (!Number.isInteger(horizonDays) || horizonDays < 1) throw new Error(`horizonDays must be a positive integer, got ${horizonDays}`);
  const out: number[] = [];
  for (let i = 0; i + horizonDays <= returns.length; i++) {
    let growth = 1;
    for (let k = i; k < i + horizonDays; k++) growth *= 1 + returns[k];
    out.push(growth - 1);
  }
  return out;
}
