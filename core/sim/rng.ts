/**
 * Seeded uniform generator on [0, 1) (mulberry32): the same seed always gives the same sequence,
 * so a backtest's probabilistic fills replay exactly. Not for cryptography.
 */
export function createRng(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new Error(`createRng: seed must be a finite number, got ${seed}`);
  // Fold the seed to 32 bits; fractional and negative seeds are accepted but must still map deterministically.
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
