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

/** Sums per block, block-major (block b, trial i at b·N + i) so later passes run along contiguous memory. */
function perBlock(trialReturns: ReadonlyArray<Float64Array>, { partitions, blockLength, rowsDropped }: BlockLayout): Sums {
  const trials = trialReturns.length;
  const sum = new Float64Array(partitions * trials);
  const sumSquares = new Float64Array(partitions * trials);
  trialReturns.forEach((series, i) => {
    for (let b = 0; b < partitions; b++) {
      const start = rowsDropped + b * blockLength;
      let s = 0;
      let q = 0;
      for (let r = start; r < start + blockLength; r++) {
        s += series[r];
        q += series[r] * series[r];
      }
      sum[b * trials + i] = s;
      sumSquares[b * trials + i] = q;
    }
  });
  return { sum, sumSquares };
}

/**
 * Prepares the tables and returns `split(mask, inMask, rest)`, which fills `inMask` with every trial's sums
 * over the blocks whose bit is set in `mask` (bit b = block b) and `rest` with the sums over the others.
 */
export function blockSums(trialReturns: ReadonlyArray<Float64Array>, layout: BlockLayout): (mask: number, inMask: Sums, rest: Sums) => void {
  const trials = trialReturns.length;
  const { partitions } = layout;
  const blocks = perBlock(trialReturns, layout);
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

  return (mask, inMask, rest) => {
    inMask.sum.fill(0);
    inMask.sumSquares.fill(0);
    rest.sum.fill(0);
    rest.sumSquares.fill(0);
    for (let g = 0; g < groups; g++) {
      const chosen = (mask >>> (g * GROUP_SIZE)) & groupAll[g];
      const a = (g * GROUP_SUBSETS + chosen) * trials;
      const b = (g * GROUP_SUBSETS + (groupAll[g] ^ chosen)) * trials;
      for (let i = 0; i < trials; i++) {
        inMask.sum[i] += sum[a + i];
        inMask.sumSquares[i] += sumSquares[a + i];
        rest.sum[i] += sum[b + i];
        rest.sumSquares[i] += sumSquares[b + i];
      }
    }
  };
}
