import { describe, expect, it } from 'vitest';
import { perBlock } from './blockSums';
import { combinePbo, pboLayout, pboPart, probabilityOfBacktestOverfitting, sharpeFromSums, type PboLayout, type PboPart, type PboResult, type PerformanceMeasure } from './pbo';
import { noiseMatrix, seededNormal } from './testing';

/** Every k-subset of 0..n−1, in lexicographic order. */
function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  return [...subsets(n - 1, k - 1).map((s) => [...s, n - 1]), ...subsets(n - 1, k)];
}

function plainSharpe(xs: number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
  return std === 0 ? 0 : mean / std;
}

/** Ranks 1..n of the values, ascending, tied values sharing their average rank. */
function averageRanks(values: number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].v === order[start].v) end++;
    for (let j = start; j <= end; j++) ranks[order[j].i] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
}

/** CSCV written out plainly: each split's performance recomputed straight from its rows. */
function referencePbo(matrix: Float64Array[], partitions: number, measure: (xs: number[]) => number = plainSharpe) {
  const rows = matrix[0].length;
  const length = Math.floor(rows / partitions);
  const dropped = rows - length * partitions;
  const rowsOf = (blocks: number[]): number[] => blocks.flatMap((b) => Array.from({ length }, (_, k) => dropped + b * length + k));
  const logits: number[] = [];
  const pairs: [number, number][] = [];
  let overfit = 0;
  let losses = 0;
  for (const inSample of subsets(partitions, partitions / 2)) {
    const outOfSample = Array.from({ length: partitions }, (_, b) => b).filter((b) => !inSample.includes(b));
    const isPerf = matrix.map((trial) => measure(rowsOf(inSample).map((r) => trial[r])));
    const oosPerf = matrix.map((trial) => measure(rowsOf(outOfSample).map((r) => trial[r])));
    const chosen = isPerf.indexOf(Math.max(...isPerf));
    const omega = averageRanks(oosPerf)[chosen] / (matrix.length + 1);
    const logit = Math.log(omega / (1 - omega));
    logits.push(logit);
    if (logit <= 0) overfit++;
    if (oosPerf[chosen] < 0) losses++;
    pairs.push([isPerf[chosen], oosPerf[chosen]]);
  }
  const mx = pairs.reduce((a, [x]) => a + x, 0) / pairs.length;
  const my = pairs.reduce((a, [, y]) => a + y, 0) / pairs.length;
  const slope = pairs.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / pairs.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  const sorted = [...logits].sort((a, b) => a - b);
  return {
    pbo: overfit / logits.length,
    probabilityOfLoss: losses / logits.length,
    splits: logits.length,
    slope,
    intercept: my - slope * mx,
    logits: {
      mean: logits.reduce((a, b) => a + b, 0) / logits.length,
      min: sorted[0],
      q1: quantile(sorted, 0.25),
      median: quantile(sorted, 0.5),
      q3: quantile(sorted, 0.75),
      max: sorted[sorted.length - 1],
    },
  };
}

function expectAgreement(fast: PboResult, reference: ReturnType<typeof referencePbo>): void {
  expect(fast.pbo).toBe(reference.pbo);
  expect(fast.probabilityOfLoss).toBe(reference.probabilityOfLoss);
  expect(fast.splits).toBe(reference.splits);
  for (const key of ['mean', 'min', 'q1', 'median', 'q3', 'max'] as const) expect(fast.logits[key], key).toBeCloseTo(reference.logits[key], 12);
  expect(fast.degradation.slope).toBeCloseTo(reference.slope, 9);
  expect(fast.degradation.intercept).toBeCloseTo(reference.intercept, 9);
}

describe('probabilityOfBacktestOverfitting against a brute-force reference', () => {
  it('agrees on random matrices, with odd N (the median rank, λ = 0, occurs), dropped rows and S from 2 to 10', () => {
    const cases = [
      { trials: 7, rows: 103, partitions: 6 },
      { trials: 12, rows: 161, partitions: 8 },
      { trials: 5, rows: 54, partitions: 10 },
      { trials: 3, rows: 9, partitions: 2 },
    ];
    cases.forEach(({ trials, rows, partitions }, seed) => {
      const matrix = noiseMatrix(seededNormal(seed + 1), trials, rows, 0.0005);
      const fast = probabilityOfBacktestOverfitting(matrix, { partitions });
      expect(fast.partitions).toBe(partitions);
      expect(fast.rowsDropped).toBe(rows % partitions);
      expectAgreement(fast, referencePbo(matrix, partitions));
    });
  });

  it('agrees with tied trials (average ranks) and trials that are flat for part or all of the sample', () => {
    const matrix = noiseMatrix(seededNormal(42), 6, 96, 0.001);
    matrix.push(Float64Array.from(matrix[2])); // a duplicate: ties in and out of sample
    matrix.push(Float64Array.from(matrix[4]));
    const flat = Float64Array.from(matrix[0]);
    flat.fill(0, 0, 48); // no position in the first half: Sharpe 0 on blocks of zeros
    matrix.push(flat, new Float64Array(96));
    const fast = probabilityOfBacktestOverfitting(matrix, { partitions: 8 });
    expectAgreement(fast, referencePbo(matrix, 8));
  });

  it('agrees with a custom performance measure', () => {
    const matrix = noiseMatrix(seededNormal(9), 9, 120, 0.0002);
    const fast = probabilityOfBacktestOverfitting(matrix, { partitions: 6, measure: (sum, _sq, count) => sum / count });
    expectAgreement(fast, referencePbo(matrix, 6, (xs) => xs.reduce((a, b) => a + b, 0) / xs.length));
  });
});

describe('probabilityOfBacktestOverfitting', () => {
  it('is 0 when one trial dominates in every block', () => {
    const next = seededNormal(3);
    const matrix = noiseMatrix(next, 20, 320);
    matrix[11] = Float64Array.from({ length: 320 }, () => 0.05 + 0.01 * next());
    const r = probabilityOfBacktestOverfitting(matrix);
    expect(r).toMatchObject({ pbo: 0, probabilityOfLoss: 0, trials: 20, partitions: 16, splits: 12_870, blockLength: 20, rowsDropped: 0 });
    // Always the OOS best: rank N, ω̄ = 20/21, λ = ln 20.
    expect(r.logits.min).toBeCloseTo(Math.log(20), 12);
    expect(r.logits.max).toBeCloseTo(Math.log(20), 12);
  });

  it('is near 1/2 for i.i.d. noise trials', () => {
    // With N even, no ties and exchangeable trials, the IS best's OOS rank is uniform, so E[PBO] = 1/2 exactly. One
    // matrix's PBO spreads widely (its splits share data): over these 100 seeded matrices (N = 100, T = 400, S = 10)
    // its standard deviation is about 0.16, so their mean has a standard error near 0.016; 0.06 is about 4 of them.
    const pbos = Array.from(
      { length: 100 },
      (_, k) => probabilityOfBacktestOverfitting(noiseMatrix(seededNormal(1000 + k), 100, 400), { partitions: 10 }).pbo,
    );
    const mean = pbos.reduce((a, b) => a + b, 0) / pbos.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.06);
  });

  it('is 1 when the in-sample best is always the out-of-sample worst', () => {
    // S = 4 blocks of 4 rows, one trial per pair of blocks: good (+2%, 0, …) on its pair, bad (−2%, 0, …) on the
    // other two. Each split's IS best is the trial whose good pair is the IS half; its OOS half is all bad.
    const good = [0.02, 0, 0.02, 0];
    const bad = [-0.02, 0, -0.02, 0];
    const matrix = subsets(4, 2).map((pair) => Float64Array.from([0, 1, 2, 3].flatMap((b) => (pair.includes(b) ? good : bad))));
    const r = probabilityOfBacktestOverfitting(matrix, { partitions: 4 });
    expect(r).toMatchObject({ pbo: 1, probabilityOfLoss: 1, splits: 6, trials: 6 });
    expect(r.logits.max).toBeCloseTo(Math.log(1 / 6), 12); // rank 1 of 6
    // The chosen IS Sharpe ratio is the same in every split: no slope to fit.
    expect(r.degradation).toEqual({ slope: null, intercept: null });
  });

  it('reduces S to the largest even number <= T/2 and drops the oldest rows', () => {
    const next = seededNormal(5);
    const matrix = noiseMatrix(next, 4, 18);
    const r = probabilityOfBacktestOverfitting(matrix);
    expect(r).toMatchObject({ partitions: 8, blockLength: 2, rowsDropped: 2, splits: 70 });
    matrix[1][0] = 5; // a huge return in a dropped row changes nothing
    expect(probabilityOfBacktestOverfitting(matrix)).toEqual(r);
    expect(probabilityOfBacktestOverfitting(matrix.map((t) => t.slice(2)))).toEqual({ ...r, rowsDropped: 0 });
    expect(probabilityOfBacktestOverfitting(noiseMatrix(next, 3, 5))).toMatchObject({ partitions: 2, blockLength: 2, rowsDropped: 1, splits: 2 });
  });

  it('rejects invalid input with a message naming the problem', () => {
    const next = seededNormal(6);
    const matrix = noiseMatrix(next, 3, 40);
    expect(() => probabilityOfBacktestOverfitting([matrix[0], matrix[1].subarray(1)])).toThrow(/ragged matrix: trial 1 has 39 returns, trial 0 has 40/);
    expect(() => probabilityOfBacktestOverfitting([matrix[0]])).toThrow(/at least 2 trials, got 1/);
    expect(() => probabilityOfBacktestOverfitting([])).toThrow(/at least 2 trials, got 0/);
    expect(() => probabilityOfBacktestOverfitting(noiseMatrix(next, 3, 3))).toThrow(/at least 4 returns per trial.*got 3/);
    expect(() => probabilityOfBacktestOverfitting(matrix, { partitions: 15 })).toThrow(/partitions must be an even integer from 2 to 20, got 15/);
    expect(() => probabilityOfBacktestOverfitting(matrix, { partitions: 22 })).toThrow(/got 22/);
    expect(() => probabilityOfBacktestOverfitting(matrix, { partitions: 0 })).toThrow(/got 0/);
    const broken = matrix.map((t) => Float64Array.from(t));
    broken[2][7] = Number.NaN;
    expect(() => probabilityOfBacktestOverfitting(broken)).toThrow(/trial 2, row 7 is not a finite number/);
    expect(() => probabilityOfBacktestOverfitting(matrix, { measure: () => Number.NaN })).toThrow(/performance measure returned NaN/);
  });
});

describe('sharpeFromSums', () => {
  it('is mean over sample std, and 0 for a subsample that does not vary', () => {
    const xs = [0.01, -0.02, 0.03, 0.005];
    const sum = xs.reduce((a, b) => a + b, 0);
    const squares = xs.reduce((a, b) => a + b * b, 0);
    expect(sharpeFromSums(sum, squares, 4)).toBeCloseTo(plainSharpe(xs), 14);
    expect(sharpeFromSums(0, 0, 10)).toBe(0);
    expect(sharpeFromSums(0.3, 0.1 * 0.1 * 3, 3)).toBe(0); // three returns of 0.1: rounding must not pass for spread
  });
});

describe('PBO in parts', () => {
  it('gives exactly the whole computation when parts of any size are combined in pair order', () => {
    const matrix = noiseMatrix(seededNormal(7), 37, 250);
    const whole = probabilityOfBacktestOverfitting(matrix, { partitions: 10 });
    const layout = pboLayout(matrix, { partitions: 10 });
    const pairs = layout.splits / 2;
    const cuts = [0, 1, 40, 41, pairs];
    const parts = cuts.slice(1).map((to, i) => pboPart(matrix, layout, cuts[i], to));
    expect(combinePbo(layout, parts)).toEqual(whole);
  });

  it('refuses parts that do not cover every split', () => {
    const matrix = noiseMatrix(seededNormal(8), 5, 40);
    const layout = pboLayout(matrix, { partitions: 4 });
    expect(() => combinePbo(layout, [pboPart(matrix, layout, 0, 1)])).toThrow('the parts cover 2 splits, the layout has 6');
  });
});

/**
 * The splits of pairs [from, to) computed the plain way, each trial's sums over a half added in a fixed order: within
 * each group of 4 consecutive blocks from its highest block down, then the groups in order; the other half as the
 * total minus that. This is the arithmetic CSCV's tables have always done, so the fast pass must match it exactly,
 * to the last bit: the same chosen trial, ranks, logits and performances in every split.
 */
function plainPart(matrix: Float64Array[], layout: PboLayout, from: number, to: number, rankBy: PerformanceMeasure, measure: PerformanceMeasure): PboPart {
  const { trials, partitions, blockLength } = layout;
  const blocks = perBlock(matrix, layout);
  const groups = Math.ceil(partitions / 4);
  const half = partitions / 2;
  const count = half * blockLength;
  const groupSum = (values: Float64Array, i: number, g: number, mask: number): number => {
    let acc = 0;
    for (let b = Math.min(partitions, 4 * g + 4) - 1; b >= 4 * g; b--) if (mask & (1 << b)) acc += values[b * trials + i];
    return acc;
  };
  const halfSum = (values: Float64Array, i: number, mask: number): number => {
    let acc = groupSum(values, i, 0, mask);
    for (let g = 1; g < groups; g++) acc += groupSum(values, i, g, mask);
    return acc;
  };
  const all = (1 << partitions) - 1;
  const total = (values: Float64Array, i: number): number => {
    let acc = 0;
    for (let g = 0; g < groups; g++) acc += groupSum(values, i, g, all);
    return acc;
  };
  // Every half-mask without the last block, in increasing order: one of each pair of mirror splits.
  const masks: number[] = [];
  for (let m = 0; m < 1 << (partitions - 1); m++) {
    let bits = 0;
    for (let v = m; v; v &= v - 1) bits++;
    if (bits === half) masks.push(m);
  }
  const part: PboPart = { overfit: 0, losses: 0, logits: new Float64Array(2 * (to - from)), chosenIs: new Float64Array(2 * (to - from)), chosenOos: new Float64Array(2 * (to - from)) };
  for (let pair = from; pair < to; pair++) {
    const sums = Array.from({ length: trials }, (_, i) => {
      const s = halfSum(blocks.sum, i, masks[pair]);
      const q = halfSum(blocks.sumSquares, i, masks[pair]);
      return { a: [s, q], b: [total(blocks.sum, i) - s, total(blocks.sumSquares, i) - q] };
    });
    for (const [k, inKey, outKey] of [
      [0, 'a', 'b'],
      [1, 'b', 'a'],
    ] as const) {
      const inRank = sums.map((x) => rankBy(x[inKey][0], x[inKey][1], count));
      const outRank = sums.map((x) => rankBy(x[outKey][0], x[outKey][1], count));
      const chosen = inRank.indexOf(Math.max(...inRank));
      const target = outRank[chosen];
      const twiceRank = 2 * outRank.filter((v) => v < target).length + outRank.filter((v) => v === target).length + 1;
      const c = 2 * (pair - from) + k;
      if (twiceRank <= trials + 1) part.overfit++;
      if (target < 0) part.losses++;
      const omega = twiceRank / (2 * (trials + 1));
      part.logits[c] = Math.log(omega / (1 - omega));
      part.chosenIs[c] = measure(sums[chosen][inKey][0], sums[chosen][inKey][1], count);
      part.chosenOos[c] = measure(sums[chosen][outKey][0], sums[chosen][outKey][1], count);
    }
  }
  return part;
}

/** What the default measure ranks by: the signed square of the Sharpe ratio up to a positive factor. */
const sharpeRank: PerformanceMeasure = (sum, sumSquares, count) => {
  const spread = sumSquares - (sum * sum) / count;
  return spread > 1e-12 * sumSquares ? (sum * Math.abs(sum)) / spread : 0;
};

describe('PBO to the last bit', () => {
  /** Noise with duplicated trials (ties in and out of sample), a trial flat for half the rows and one never trading. */
  function matrixWithTies(seed: number, trials: number, rows: number): Float64Array[] {
    const matrix = noiseMatrix(seededNormal(seed), trials, rows, 0.0004);
    matrix.push(Float64Array.from(matrix[1]), Float64Array.from(matrix[3]));
    const flat = Float64Array.from(matrix[0]);
    flat.fill(0, 0, rows / 2);
    matrix.push(flat, new Float64Array(rows));
    return matrix;
  }

  it('gives exactly the plain pass over the blocks, with S in 2, 3, 4 and 5 groups of blocks and any cut of the pairs', () => {
    const cases = [
      { trials: 9, rows: 161, partitions: 6 },
      { trials: 14, rows: 250, partitions: 10 },
      { trials: 11, rows: 330, partitions: 16 },
      { trials: 5, rows: 203, partitions: 18 },
    ];
    cases.forEach(({ trials, rows, partitions }, seed) => {
      const matrix = matrixWithTies(seed + 20, trials, rows);
      const layout = pboLayout(matrix, { partitions });
      const pairs = layout.splits / 2;
      // The default measure, and a custom one ranked by itself.
      const mean: PerformanceMeasure = (sum, _sq, count) => sum / count;
      for (const [rankBy, measure] of [
        [sharpeRank, sharpeFromSums],
        [mean, mean],
      ] as const) {
        const cut = Math.floor(pairs / 3);
        const plain = [plainPart(matrix, layout, 0, cut, rankBy, measure), plainPart(matrix, layout, cut, pairs, rankBy, measure)];
        const fast = [pboPart(matrix, layout, 0, cut, measure), pboPart(matrix, layout, cut, pairs, measure)];
        expect(fast).toEqual(plain);
        expect(combinePbo(layout, fast)).toEqual(combinePbo(layout, plain));
      }
    });
  });
});
