/**
 * Each trial's sum of returns and of squared returns over any set of CSCV blocks, without revisiting the
 * rows: the sums are taken once per block, then once per subset of each group of 4 consecutive blocks, so
 * the sums over a set of S blocks cost S/4 additions per trial (2^4 subset sums per group and trial keep
 * the tables small for any number of trials).
 */

const GROUP_SIZE = 4;
const GROUP_SUBSETS = 1 << GROUP_SIZE;

/** How the T rows are cut: `partitions` contiguous blocks of `blockLength` rows after the `rowsDropped` oldest. */
export interface BlockLayout {
  partitions: number;
  blockLength: number;
  rowsDropped: number;
}

/** Per-trial sums over a set of blocks. */
export interface Sums {
  sum: Float64Array;
  sumSquares: Float64Array;
}

/**
 * One trial's sums per block, written at `out[b]` (sums) and `out[partitions + b]` (sums of squares): what a
 * trial contributes to CSCV, 2·S numbers instead of its T returns.
 */
export function trialBlockSums(series: ArrayLike<number>, { partitions, blockLength, rowsDropped }: BlockLayout, out = new Float64Array(2 * partitions)): Float64Array {
  for (let b = 0; b < partitions; b++) {
    const start = rowsDropped + b * blockLength;
    let s = 0;
    let q = 0;
    for (let r = start; r < start + blockLength; r++) {
      s += series[r];
      q += series[r] * series[r];
    }
    out[b] = s;
    out[partitions + b] = q;
  }
  return out;
}

/** Sums per block, block-major (block b, trial i at b·N + i) so later passes run along contiguous memory. */
export function perBlock(trialReturns: ReadonlyArray<Float64Array>, layout: BlockLayout): Sums {
  const trials = trialReturns.length;
  const { partitions } = layout;
  const sum = new Float64Array(partitions * trials);
  const sumSquares = new Float64Array(partitions * trials);
  const one = new Float64Array(2 * partitions);
  trialReturns.forEach((series, i) => {
    trialBlockSums(series, layout, one);
    for (let b = 0; b < partitions; b++) {
      sum[b * trials + i] = one[b];
      sumSquares[b * trials + i] = one[partitions + b];
    }
  });
  return { sum, sumSquares };
}

/**
 * Prepares the tables from `trials` trials' block sums (block-major, as perBlock lays them out) and returns
 * `split(mask, inMask, rest)`, which fills `inMask` with every trial's sums over the blocks whose bit is set
 * in `mask` (bit b = block b) and `rest` with the sums over the others.
 */
export function splitSums(blocks: Sums, trials: number, partitions: number): (mask: number, inMask: Sums, rest: Sums) => void {
  const groups = Math.ceil(partitions / GROUP_SIZE);
  const groupAll = Array.from({ length: groups }, (_, g) => (1 << Math.min(GROUP_SIZE, partitions - g * GROUP_SIZE)) - 1);

  // Subset s of group g (offset (g·16 + s)·N): subset s without its lowest block, plus that block. The empty subset stays 0.
  const sum = new Float64Array(groups * GROUP_SUBSETS * trials);
  const sumSquares = new Float64Array(groups * GROUP_SUBSETS * trials);
  for (let g = 0; g < groups; g++) {
    for (let subset = 1; subset <= groupAll[g]; subset++) {
      const lowest = subset & -subset;
      const to = (g * GROUP_SUBSETS + subset) * trials;
      const from = (g * GROUP_SUBSETS + (subset ^ lowest)) * trials;
      const block = (g * GROUP_SIZE + 31 - Math.clz32(lowest)) * trials;
      for (let i = 0; i < trials; i++) {
        sum[to + i] = sum[from + i] + blocks.sum[block + i];
        sumSquares[to + i] = sumSquares[from + i] + blocks.sumSquares[block + i];
      }
    }
  }

  // Every block's sums: the rest of a split is the whole minus its half, one gather instead of two.
  const totalSum = new Float64Array(trials);
  const totalSq = new Float64Array(trials);
  for (let g = 0; g < groups; g++) {
    const all = (g * GROUP_SUBSETS + groupAll[g]) * trials;
    for (let i = 0; i < trials; i++) {
      totalSum[i] += sum[all + i];
      totalSq[i] += sumSquares[all + i];
    }
  }

  return (mask, inMask, rest) => {
    const { sum: inSum, sumSquares: inSq } = inMask;
    const { sum: restSum, sumSquares: restSq } = rest;
    for (let g = 0; g < groups; g++) {
      const a = (g * GROUP_SUBSETS + ((mask >>> (g * GROUP_SIZE)) & groupAll[g])) * trials;
      // The first group sets the sums and the others add to them: no pass to clear them first.
      if (g === 0) {
        for (let i = 0; i < trials; i++) {
          inSum[i] = sum[a + i];
          inSq[i] = sumSquares[a + i];
        }
      } else {
        for (let i = 0; i < trials; i++) {
          inSum[i] += sum[a + i];
          inSq[i] += sumSquares[a + i];
        }
      }
    }
    for (let i = 0; i < trials; i++) {
      restSum[i] = totalSum[i] - inSum[i];
      restSq[i] = totalSq[i] - inSq[i];
    }
  };
}
