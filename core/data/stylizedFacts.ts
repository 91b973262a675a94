import type { BarSeries } from './BarSeries';

/**
 * The statistics that tell real daily stock bars from naive simulations ("stylized facts"), measured the
 * same way on real files and on the synthetic market so one can be checked against the other.
 */
export interface StylizedFacts {
  /** Correlation of a day's overnight gap (open over previous close) with its open-to-close move. */
  gapIntradayCorrelation: number;
  /** Lag-1 autocorrelation of close-to-close log returns. */
  returnAutocorrelation: number;
  /** Excess kurtosis of close-to-close log returns (0 for a normal distribution). */
  excessKurtosis: number;
  /** Mean autocorrelation of absolute returns over lags 1 to 10: volatility clustering. */
  absReturnAutocorrelation: number;
  /** Parkinson's high-low volatility over the close-to-close sd: how wide the day's range is for its volatility. */
  parkinsonRatio: number;
  /** Correlation of the day's log range ln(high / low) with its |return|. */
  rangeMoveCorrelation: number;
  /** Correlation of log volume (less its trailing 50-day mean, so trends and splits drop out) with |return|. */
  volumeMoveCorrelation: number;
  /** Share of the close-to-close variance that comes from the overnight gaps. */
  gapVarianceShare: number;
}

const ABS_ACF_LAGS = 10;
const VOLUME_TREND_DAYS = 50;

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

function variance(x: Float64Array): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2;
  return s / x.length;
}

/** Pearson correlation of two equally long samples; NaN when either is constant. */
export function correlation(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) throw new RangeError(`correlation: samples differ in length (${a.length} and ${b.length})`);
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : Number.NaN;
}

/** Sample autocorrelation at `lag`, over the whole sample's mean and variance (the usual ACF estimator). */
export function autocorrelation(x: Float64Array, lag: number): number {
  if (!Number.isInteger(lag) || lag < 1 || lag >= x.length) throw new RangeError(`autocorrelation: lag must be an integer in 1..${x.length - 1}, got ${lag}`);
  const m = mean(x);
  let num = 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    den += (x[i] - m) ** 2;
    if (i >= lag) num += (x[i] - m) * (x[i - lag] - m);
  }
  return den > 0 ? num / den : Number.NaN;
}

/** Fourth standardised moment minus 3. */
export function excessKurtosis(x: Float64Array): number {
  const m = mean(x);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] - m) ** 2;
    m2 += d;
    m4 += d * d;
  }
  m2 /= x.length;
  return m4 / x.length / (m2 * m2) - 3;
}

/** Log returns close to close: element i is the move into bar i + 1. */
export function logReturns(close: Float64Array): Float64Array {
  const r = new Float64Array(Math.max(0, close.length - 1));
  for (let i = 1; i < close.length; i++) r[i - 1] = Math.log(close[i] / close[i - 1]);
  return r;
}

/** The statistics of one daily series (at least 2 x VOLUME_TREND_DAYS bars with positive prices and volume). */
export function stylizedFacts(s: BarSeries): StylizedFacts {
  const n = s.length - 1;
  if (n < 2 * VOLUME_TREND_DAYS) throw new RangeError(`stylizedFacts: ${s.symbol} has ${s.length} bars, at least ${2 * VOLUME_TREND_DAYS + 1} are needed`);
  const r = logReturns(s.close);
  const gap = new Float64Array(n);
  const session = new Float64Array(n);
  const absR = new Float64Array(n);
  const range = new Float64Array(n);
  const volume = new Float64Array(n);
  let rangeSquares = 0;
  if (!s.volume.every((v) => v > 0)) throw new RangeError(`stylizedFacts: ${s.symbol} has bars without volume`);
  const logVolume = Float64Array.from(s.volume, (v) => Math.log(v));
  // Sum of log volume over the (up to) VOLUME_TREND_DAYS bars before bar i.
  let window = logVolume[0];
  for (let i = 1; i <= n; i++) {
    const t = i - 1;
    gap[t] = Math.log(s.open[i] / s.close[i - 1]);
    session[t] = Math.log(s.close[i] / s.open[i]);
    absR[t] = Math.abs(r[t]);
    range[t] = Math.log(s.high[i] / s.low[i]);
    rangeSquares += range[t] * range[t];
    volume[t] = logVolume[i] - window / Math.min(i, VOLUME_TREND_DAYS);
    window += logVolume[i] - (i >= VOLUME_TREND_DAYS ? logVolume[i - VOLUME_TREND_DAYS] : 0);
  }
  // The first days have a short trend window: left out of the volume statistic.
  const settled = (x: Float64Array): Float64Array => x.subarray(VOLUME_TREND_DAYS);
  let absAcf = 0;
  for (let lag = 1; lag <= ABS_ACF_LAGS; lag++) absAcf += autocorrelation(absR, lag);
  const sd = Math.sqrt(variance(r));
  return {
    gapIntradayCorrelation: correlation(gap, session),
    returnAutocorrelation: autocorrelation(r, 1),
    excessKurtosis: excessKurtosis(r),
    absReturnAutocorrelation: absAcf / ABS_ACF_LAGS,
    parkinsonRatio: Math.sqrt(rangeSquares / n / (4 * Math.LN2)) / sd,
    rangeMoveCorrelation: correlation(range, absR),
    volumeMoveCorrelation: correlation(settled(volume), settled(absR)),
    gapVarianceShare: variance(gap) / variance(r),
  };
}

/** Median of each statistic over several series: one typical symbol, robust to a wild one. */
export function medianFacts(all: readonly StylizedFacts[]): StylizedFacts {
  if (all.length === 0) throw new RangeError('medianFacts: no series');
  const keys = Object.keys(all[0]) as (keyof StylizedFacts)[];
  const out = {} as StylizedFacts;
  for (const k of keys) {
    const v = all.map((f) => f[k]).sort((a, b) => a - b);
    const mid = v.length >> 1;
    out[k] = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }
  return out;
}
