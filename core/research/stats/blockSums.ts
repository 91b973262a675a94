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
 * Every trial's sums over each subset of each group of 4 consecutive blocks, laid out so the sums over any set
 * of blocks are one lookup per group: subset s of group g holds trial i at (g·16 + s)·N + i. The empty subset
 * of every group is all zeros.
 */
export interface GroupTables {
  trials: number;
  /** ceil(S / 4). */
  groups: number;
  sum: Float64Array;
  sumSquares: Float64Array;
  /** Every block's sums (the sum of the groups' full subsets, in group order): a set's complement is the total minus the set. */
  totalSum: Float64Array;
  totalSquares: Float64Array;
}

/** The most groups a split reads: MAX_PARTITIONS / 4. */
export const MAX_GROUPS = 5;

/** out[to + i] = a[from + i] + b[at + i] for i < n: the tables' one loop, small enough to compile at once. */
function addRows(out: Float64Array, to: number, a: Float64Array, from: number, b: Float64Array, at: number, n: number): void {
  for (let i = 0; i < n; i++) out[to + i] = a[from + i] + b[at + i];
}

/** Prepares the tables from `trials` trials' block sums (block-major, as perBlock lays them out). */
export function groupTables(blocks: Sums, trials: number, partitions: number): GroupTables {
  const groups = Math.ceil(partitions / GROUP_SIZE);
  if (groups > MAX_GROUPS) throw new RangeError(`at most ${MAX_GROUPS * GROUP_SIZE} blocks, got ${partitions}`);
  const groupAll = Array.from({ length: groups }, (_, g) => (1 << Math.min(GROUP_SIZE, partitions - g * GROUP_SIZE)) - 1);

  // Subset s of group g: subset s without its lowest block, plus that block. The empty subset stays 0.
  const sum = new Float64Array(groups * GROUP_SUBSETS * trials);
  const sumSquares = new Float64Array(groups * GROUP_SUBSETS * trials);
  for (let g = 0; g < groups; g++) {
    for (let subset = 1; subset <= groupAll[g]; subset++) {
      const lowest = subset & -subset;
      const to = (g * GROUP_SUBSETS + subset) * trials;
      const from = (g * GROUP_SUBSETS + (subset ^ lowest)) * trials;
      const block = (g * GROUP_SIZE + 31 - Math.clz32(lowest)) * trials;
      addRows(sum, to, sum, from, blocks.sum, block, trials);
      addRows(sumSquares, to, sumSquares, from, blocks.sumSquares, block, trials);
    }
  }

  const totalSum = new Float64Array(trials);
  const totalSquares = new Float64Array(trials);
  for (let g = 0; g < groups; g++) {
    const all = (g * GROUP_SUBSETS + groupAll[g]) * trials;
    addRows(totalSum, 0, totalSum, 0, sum, all, trials);
    addRows(totalSquares, 0, totalSquares, 0, sumSquares, all, trials);
  }
  return { trials, groups, sum, sumSquares, totalSum, totalSquares };
}

/**
 * Where in the tables the sums over the blocks whose bit is set in `mask` (bit b = block b) are: `out[g]` is
 * the offset of group g's subset, and the groups past the last, up to MAX_GROUPS, point at an empty subset
 * (zeros), so a reader may add more terms than there are groups: adding +0 leaves a sum as it is (every sum
 * in the tables starts from the empty subset's +0, so none is −0).
 */
export function groupOffsets(tables: GroupTables, mask: number, out: Int32Array): void {
  const { groups, trials } = tables;
  for (let g = 0; g < MAX_GROUPS; g++) out[g] = g < groups ? (g * GROUP_SUBSETS + ((mask >>> (g * GROUP_SIZE)) & (GROUP_SUBSETS - 1))) * trials : 0;
}
