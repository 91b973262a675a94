/** Test support: a seeded source of standard normal draws, so statistical tests are reproducible. */

/** mulberry32: a small 32-bit PRNG, uniform on [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller from a mulberry32 stream. */
export function seededNormal(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** N trials of T i.i.d. normal returns with the given mean and standard deviation. */
export function noiseMatrix(next: () => number, trials: number, rows: number, mean = 0, sd = 0.01): Float64Array[] {
  return Array.from({ length: trials }, () => Float64Array.from({ length: rows }, () => mean + sd * next()));
}
