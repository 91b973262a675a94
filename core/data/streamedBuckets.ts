import type { Bar } from './BarSeries';

/**
 * Bars of a broker's stream or history, stamped at their start, folded into buckets of `barSeconds` aligned to
 * the epoch and stamped at the bucket's start: what a live session forms from the stream (BarAggregator), so
 * history fetched at a finer size lines up with the live bars that follow it. A bucket that ends after
 * `completeBy` (epoch ms) is still forming and is left out, as the live stream gives it out only once complete.
 */
export function streamedBuckets(bars: readonly Bar[], barSeconds: number, completeBy: number): Bar[] {
  const size = barSeconds * 1000;
  const out: Bar[] = [];
  let current: Bar | null = null;
  for (const b of bars) {
    const bucket = Math.floor(b.ts / size) * size;
    if (current !== null && current.ts === bucket) {
      current.high = Math.max(current.high, b.high);
      current.low = Math.min(current.low, b.low);
      current.close = b.close;
      current.volume += b.volume;
      continue;
    }
    if (current !== null && bucket < current.ts) throw new Error(`bars out of order: ${new Date(b.ts).toISOString()} after ${new Date(current.ts).toISOString()}`);
    current = { ts: bucket, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume };
    out.push(current);
  }
  while (out.length > 0 && out[out.length - 1].ts + size > completeBy) out.pop();
  return out;
}
