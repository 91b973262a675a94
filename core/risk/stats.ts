/** Arithmetic mean; NaN for an empty series. */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample standard deviation (divides by n − 1, as the textbooks' estimators do); NaN below two points. */
export function sampleStd(xs: readonly number[]): number {
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / (xs.length - 1));
}

/** Simple returns v[i] / v[i − 1] − 1; a non-positive previous value has no return, so it throws. */
export function simpleReturns(values: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1];
    if (!(prev > 0)) throw new Error(`simpleReturns: value at index ${i - 1} is ${prev}; returns need positive values`);
    out.push(values[i] / prev - 1);
  }
  return out;
}

/** Trading sessions per year used to annualise daily figures. */
export const SESSIONS_PER_YEAR = 252;
