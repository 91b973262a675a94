import { groupOffsets, groupTables, MAX_GROUPS, perBlock, type BlockLayout, type GroupTables, type Sums } from './blockSums';

/**
 * Probability of Backtest Overfitting by Combinatorially Symmetric Cross-Validation (Bailey, Borwein,
 * López de Prado & Zhu, "The Probability of Backtest Overfitting"): how often the combination that is
 * best in sample ranks at or below the median out of sample.
 *
 * CSCV, as done here:
 * 1. The T rows (periods) of the N trials are cut into S contiguous blocks of equal length; the T mod S
 *    oldest rows are dropped so the blocks are equal, keeping the newest data.
 * 2. Every choice of S/2 blocks is an in-sample (IS) set, its complement the out-of-sample (OOS) set:
 *    C(S, S/2) splits (12,870 for S = 16), each block order preserved.
 * 3. Per split, n* = argmax over trials of IS performance (the lowest trial index among equals). Its OOS
 *    performance gets a rank among the N trials' OOS performances, 1 = worst, tied values sharing their
 *    average rank; the relative rank is ω̄ = rank / (N + 1), in (0, 1), and its logit λ = ln(ω̄ / (1 − ω̄)).
 * 4. PBO = the fraction of splits with λ <= 0, i.e. ω̄ <= 1/2: as in the paper, PBO = ∫ f(λ) dλ over
 *    (−∞, 0], so a chosen trial landing exactly on the OOS median counts as overfitted.
 *
 * Speed: a trial's performance on a split comes from its sums (Σr, Σr²) over the split's blocks, which
 * blockSums serves in S/4 additions, not T: the whole run is O(N·T + C(S, S/2)·N·S/4). Each half of the
 * blocks is IS in one split and OOS in its mirror, so every half's performances serve both splits: per pair
 * of splits, one pass over the trials computes both halves' sums and performances and each half's best, and
 * a second counts both chosen trials' OOS ranks. The sums are added in the same order whatever the pass (see
 * scanHalves), so the results are the same to the bit however the pairs are shared out.
 */

/**
 * A trial's performance on a subsample from its sum of returns, sum of squared returns and count, so CSCV
 * never revisits the rows. Higher is better. Must return a finite number.
 */
export type PerformanceMeasure = (sum: number, sumSquares: number, count: number) => number;

/**
 * Below this fraction of Σr², the spread Σr² − (Σr)²/n is rounding noise: the subsample is constant.
 * Exact sums of all-zero rows (a combination that did not trade) give 0 either way.
 */
const CONSTANT_TOLERANCE = 1e-12;

/**
 * Per-period Sharpe ratio, mean / sample std (n − 1), risk-free rate 0. A subsample that does not vary
 * (typically a combination with no position, all returns 0) scores 0 rather than ±Infinity or NaN.
 */
export const sharpeFromSums: PerformanceMeasure = (sum, sumSquares, count) => {
  const spread = sumSquares - (sum * sum) / count;
  if (!(spread > CONSTANT_TOLERANCE * sumSquares)) return 0;
  return sum / count / Math.sqrt(spread / (count - 1));
};

/**
 * A number in the order of sharpeFromSums over subsamples of one length, without its square root: the
 * signed square of the Sharpe ratio up to a positive factor, s·|s| / spread. Ranking and choosing need only
 * the order, so the default measure's many comparisons skip a square root and a division each.
 */
function sharpeOrder(sum: number, sumSquares: number, count: number): number {
  const spread = sumSquares - (sum * sum) / count;
  if (!(spread > CONSTANT_TOLERANCE * sumSquares)) return 0;
  return (sum * Math.abs(sum)) / spread;
}

export const DEFAULT_PARTITIONS = 16;
/** C(20, 10) = 184,756 splits; more blocks cost more time than a sweep's diagnosis is worth. */
export const MAX_PARTITIONS = 20;

export interface PboOptions {
  /**
   * S, an even number of blocks from 2 to 20 (default 16). Reduced when T is short to the largest even
   * number <= T/2, so every block holds at least 2 rows.
   */
  partitions?: number;
  /** Default: per-period Sharpe ratio (sharpeFromSums). */
  measure?: PerformanceMeasure;
}

/** Distribution of the logits λ over the splits; quartiles interpolate linearly between order statistics. */
export interface LogitSummary {
  mean: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Every number is finite or null (the result goes to JSON). */
export interface PboResult {
  /** Fraction of splits whose chosen trial's OOS relative rank ω̄ is <= 1/2 (λ <= 0). */
  pbo: number;
  /** Fraction of splits where the chosen trial's OOS performance is < 0. */
  probabilityOfLoss: number;
  /**
   * Performance degradation: OLS fit of the chosen trial's OOS performance on its IS performance across
   * splits; a slope below 0 means better in sample predicts worse out of sample. Null when the IS
   * performance never varies.
   */
  degradation: { slope: number | null; intercept: number | null };
  logits: LogitSummary;
  /** N. */
  trials: number;
  /** S used (see PboOptions.partitions). */
  partitions: number;
  /** C(S, S/2). */
  splits: number;
  /** Rows per block, floor(T / S). */
  blockLength: number;
  /** Oldest rows left out so the blocks are equal, T mod S. */
  rowsDropped: number;
}

function validatedMatrix(trialReturns: ReadonlyArray<Float64Array>): { trials: number; rows: number } {
  const trials = trialReturns.length;
  if (trials < 2) throw new RangeError(`PBO needs at least 2 trials, got ${trials}`);
  const rows = trialReturns[0].length;
  trialReturns.forEach((series, i) => {
    if (series.length !== rows) throw new RangeError(`ragged matrix: trial ${i} has ${series.length} returns, trial 0 has ${rows}`);
    for (let r = 0; r < rows; r++) {
      if (!Number.isFinite(series[r])) throw new RangeError(`trial ${i}, row ${r} is not a finite number: ${series[r]}`);
    }
  });
  if (rows < 4) throw new RangeError(`PBO needs at least 4 returns per trial (2 blocks of 2), got ${rows}`);
  return { trials, rows };
}

function partitionsFor(requested: number, rows: number): number {
  if (!Number.isInteger(requested) || requested % 2 !== 0 || requested < 2 || requested > MAX_PARTITIONS) {
    throw new RangeError(`partitions must be an even integer from 2 to ${MAX_PARTITIONS}, got ${requested}`);
  }
  return Math.min(requested, 2 * Math.floor(rows / 4));
}

/** The next larger integer with the same number of set bits (Gosper's hack): the next IS block set. */
function nextCombination(mask: number): number {
  const lowest = mask & -mask;
  const ripple = mask + lowest;
  return ripple | (((ripple ^ mask) / lowest) >>> 2);
}

function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function summarise(logits: Float64Array): LogitSummary {
  const sorted = Float64Array.from(logits).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    mean: sum / sorted.length,
    min: sorted[0],
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1],
  };
}

function olsFit(x: Float64Array, y: Float64Array): { slope: number | null; intercept: number | null } {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= x.length;
  my /= y.length;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (!(sxx > 0)) return { slope: null, intercept: null };
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

function checkedPerformance(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`the performance measure returned ${value}; it must return a finite number`);
  return value;
}

/** How the rows are cut and how many splits they make: what every part of one PBO computation shares. */
export interface PboLayout {
  trials: number;
  partitions: number;
  blockLength: number;
  rowsDropped: number;
  /** C(S, S/2); the splits come in splits/2 mirror pairs. */
  splits: number;
}

/** The layout CSCV uses for this matrix and options; throws on invalid input (see probabilityOfBacktestOverfitting). */
export function pboLayout(trialReturns: ReadonlyArray<Float64Array>, options: Pick<PboOptions, 'partitions'> = {}): PboLayout {
  const { trials, rows } = validatedMatrix(trialReturns);
  return layoutFor(trials, rows, options.partitions);
}

/**
 * The layout for N trials of T rows each, decided by T alone: so each trial's block sums can be taken where its
 * returns are (a sweep's worker) and only those travel. Throws like probabilityOfBacktestOverfitting.
 */
export function layoutFor(trials: number, rows: number, requested = DEFAULT_PARTITIONS): PboLayout {
  if (trials < 2) throw new RangeError(`PBO needs at least 2 trials, got ${trials}`);
  const blocks = blockLayoutOf(rows, requested);
  if (blocks === null) throw new RangeError(`PBO needs at least 4 returns per trial (2 blocks of 2), got ${rows}`);
  const { partitions, blockLength } = blocks;
  const half = partitions / 2;
  let splits = 1;
  for (let k = 1; k <= half; k++) splits = (splits * (half + k)) / k;
  return { trials, partitions, blockLength, rowsDropped: rows - blockLength * partitions, splits };
}

/** How T rows are cut into blocks, whatever the number of trials; null when T is too short for CSCV. */
export function blockLayoutOf(rows: number, requested = DEFAULT_PARTITIONS): BlockLayout | null {
  if (rows < 4) return null;
  const partitions = partitionsFor(requested, rows);
  const blockLength = Math.floor(rows / partitions);
  return { partitions, blockLength, rowsDropped: rows - blockLength * partitions };
}

/** The outcome of a run of consecutive split pairs; parts of one computation combine in pair order. */
export interface PboPart {
  overfit: number;
  losses: number;
  /** Per split, in split order: λ, and the chosen trial's IS and OOS performance. */
  logits: Float64Array;
  chosenIs: Float64Array;
  chosenOos: Float64Array;
}

/**
 * The splits of pairs [from, to) (pair k: the k-th IS half in Gosper order, then its mirror), so one PBO can be
 * shared among threads. Each part reads the whole matrix.
 */
export function pboPart(trialReturns: ReadonlyArray<Float64Array>, layout: PboLayout, from: number, to: number, measure: PerformanceMeasure = sharpeFromSums): PboPart {
  return pboPartOfBlocks(perBlock(trialReturns, layout), layout, from, to, measure);
}

/**
 * Pass 1 of a pair: every trial's performance on half A (the blocks at `at`, the groups added in order; a fifth
 * group, S above 16, adds its term last, and fewer than four groups add +0 for the missing ones, which changes
 * nothing) and on half B (the total minus A), and each half's best trial, the lowest index among equals:
 * `best` gets [best on A, best on B].
 */
function scanHalves(t: GroupTables, at: Int32Array, fifth: boolean, order: PerformanceMeasure, count: number, perfA: Float64Array, perfB: Float64Array, best: Int32Array): void {
  const { trials, sum, sumSquares, totalSum, totalSquares } = t;
  const o0 = at[0];
  const o1 = at[1];
  const o2 = at[2];
  const o3 = at[3];
  const o4 = at[4];
  let bestA = 0;
  let bestB = 0;
  let topA = Number.NEGATIVE_INFINITY;
  let topB = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < trials; i++) {
    let s = sum[o0 + i] + sum[o1 + i] + sum[o2 + i] + sum[o3 + i];
    let q = sumSquares[o0 + i] + sumSquares[o1 + i] + sumSquares[o2 + i] + sumSquares[o3 + i];
    if (fifth) {
      s += sum[o4 + i];
      q += sumSquares[o4 + i];
    }
    const a = order(s, q, count);
    const b = order(totalSum[i] - s, totalSquares[i] - q, count);
    // x − x is 0 for every finite x and NaN otherwise: one test that is almost never true.
    if (a - a !== 0 || b - b !== 0) checkedPerformance(a - a !== 0 ? a : b);
    perfA[i] = a;
    perfB[i] = b;
    if (a > topA) {
      topA = a;
      bestA = i;
    }
    if (b > topB) {
      topB = b;
      bestB = i;
    }
  }
  best[0] = bestA;
  best[1] = bestB;
}

/**
 * Pass 2 of a pair, both splits at once: how many trials score below and exactly at `targetA` on B (A's best out of
 * sample) and at `targetB` on A. Counted without branches: the comparisons go either way at random.
 */
function countRanks(perfA: Float64Array, perfB: Float64Array, targetA: number, targetB: number, counts: Int32Array): void {
  let belowA = 0;
  let equalA = 0;
  let belowB = 0;
  let equalB = 0;
  for (let i = 0; i < perfA.length; i++) {
    const b = perfB[i];
    const a = perfA[i];
    belowA += +(b < targetA);
    equalA += +(b === targetA);
    belowB += +(a < targetB);
    equalB += +(a === targetB);
  }
  counts[0] = belowA;
  counts[1] = equalA;
  counts[2] = belowB;
  counts[3] = equalB;
}

/** pboPart from the trials' block sums (block-major: block b, trial i at b·N + i), not their returns. */
export function pboPartOfBlocks(blocks: Sums, layout: PboLayout, from: number, to: number, measure: PerformanceMeasure = sharpeFromSums): PboPart {
  const { trials, partitions, blockLength } = layout;
  const tables = groupTables(blocks, trials, partitions);
  const fifth = tables.groups === MAX_GROUPS;
  const half = partitions / 2;
  const count = half * blockLength;
  const n = 2 * (to - from);
  // Made before the loop, so nothing after it is new to the compiler (an optimized loop left for unseen code is thrown away).
  const part: PboPart = { overfit: 0, losses: 0, logits: new Float64Array(n), chosenIs: new Float64Array(n), chosenOos: new Float64Array(n) };
  const { logits, chosenIs, chosenOos } = part;

  // The default measure ranks by an order-preserving stand-in and computes the real value for the chosen only.
  const order = measure === sharpeFromSums ? sharpeOrder : measure;

  const perfA = new Float64Array(trials);
  const perfB = new Float64Array(trials);
  const at = new Int32Array(MAX_GROUPS);
  const best = new Int32Array(2);
  const counts = new Int32Array(4);
  /** The measure of trial i on half A or B of the current pair, its sums added exactly as scanHalves adds them. */
  const measured = (i: number, onA: boolean): number => {
    const { sum, sumSquares, totalSum, totalSquares } = tables;
    let s = sum[at[0] + i] + sum[at[1] + i] + sum[at[2] + i] + sum[at[3] + i];
    let q = sumSquares[at[0] + i] + sumSquares[at[1] + i] + sumSquares[at[2] + i] + sumSquares[at[3] + i];
    if (fifth) {
      s += sum[at[4] + i];
      q += sumSquares[at[4] + i];
    }
    return onA ? measure(s, q, count) : measure(totalSum[i] - s, totalSquares[i] - q, count);
  };
  /** One split's outcome: its chosen trial's OOS rank from `below` and `equal` (the trials under and at its OOS value). */
  const record = (c: number, below: number, equal: number, oos: number, isValue: number, oosValue: number): void => {
    // Average rank of the tied group (which includes n* itself); 2·rank <= N + 1 is ω̄ <= 1/2, decided in integers.
    const twiceRank = 2 * below + equal + 1;
    if (twiceRank <= trials + 1) part.overfit++;
    if (oos < 0) part.losses++;
    const omega = twiceRank / (2 * (trials + 1));
    logits[c] = Math.log(omega / (1 - omega));
    chosenIs[c] = isValue;
    chosenOos[c] = oosValue;
  };

  // Each half of the blocks is IS in one split and OOS in its mirror, so the splits come in pairs sharing
  // both halves' performances. The first splits/2 masks in Gosper order are those without the last block:
  // one of each pair.
  let mask = (1 << half) - 1;
  for (let k = 0; k < from; k++) mask = nextCombination(mask);
  for (let pair = from; pair < to; mask = nextCombination(mask), pair++) {
    groupOffsets(tables, mask, at);
    scanHalves(tables, at, fifth, order, count, perfA, perfB, best);
    const bestA = best[0];
    const bestB = best[1];
    // A's best is judged on B, B's best on A.
    const targetA = perfB[bestA];
    const targetB = perfA[bestB];
    countRanks(perfA, perfB, targetA, targetB, counts);
    const c = 2 * (pair - from);
    const exact = order === measure;
    record(c, counts[0], counts[1], targetA, exact ? perfA[bestA] : measured(bestA, true), exact ? targetA : measured(bestA, false));
    record(c + 1, counts[2], counts[3], targetB, exact ? perfB[bestB] : measured(bestB, false), exact ? targetB : measured(bestB, true));
  }
  return part;
}

function concat(parts: readonly PboPart[], key: 'logits' | 'chosenIs' | 'chosenOos'): Float64Array {
  const out = new Float64Array(parts.reduce((s, p) => s + p[key].length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p[key], at);
    at += p[key].length;
  }
  return out;
}

/** The PBO of parts that together cover every pair once, given in pair order. */
export function combinePbo(layout: PboLayout, parts: readonly PboPart[]): PboResult {
  const logits = concat(parts, 'logits');
  if (logits.length !== layout.splits) throw new RangeError(`the parts cover ${logits.length} splits, the layout has ${layout.splits}`);
  const overfit = parts.reduce((s, p) => s + p.overfit, 0);
  const losses = parts.reduce((s, p) => s + p.losses, 0);
  return {
    pbo: overfit / layout.splits,
    probabilityOfLoss: losses / layout.splits,
    degradation: olsFit(concat(parts, 'chosenIs'), concat(parts, 'chosenOos')),
    logits: summarise(logits),
    trials: layout.trials,
    partitions: layout.partitions,
    splits: layout.splits,
    blockLength: layout.blockLength,
    rowsDropped: layout.rowsDropped,
  };
}

/**
 * PBO of choosing the best of N trials by IS performance, from each trial's per-period returns (one
 * Float64Array of length T per trial, all the same length). Throws on a ragged matrix, fewer than
 * 2 trials, fewer than 4 rows, a non-finite return, or partitions that are not an even integer in [2, 20].
 */
export function probabilityOfBacktestOverfitting(trialReturns: ReadonlyArray<Float64Array>, options: PboOptions = {}): PboResult {
  const layout = pboLayout(trialReturns, options);
  return combinePbo(layout, [pboPart(trialReturns, layout, 0, layout.splits / 2, options.measure)]);
}
