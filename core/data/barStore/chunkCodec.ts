import { endianness } from 'node:os';
import type { BarSeries } from '../BarSeries';

/** Bars per stored chunk: 4096 bars of 6 float64 columns is 192 KiB, about 16 years of daily bars. */
export const CHUNK_BARS = 4096;

const BYTES = Float64Array.BYTES_PER_ELEMENT;

// Blobs hold the platform's float64 bytes as they are, which is what makes a load a plain copy. Every
// platform Node and Electron ship for is little-endian; refuse to write anything else's bytes.
if (endianness() !== 'LE') throw new Error('the bar store needs a little-endian CPU');

/** The columns of a series in blob order; adjClose only when the series has one. */
function columnsOf(series: BarSeries): Float64Array[] {
  const cols = [series.ts, series.open, series.high, series.low, series.close, series.volume];
  if (series.adjClose !== undefined) cols.push(series.adjClose);
  return cols;
}

/** Bars [from, to) of `series` as one blob: each column's float64 bytes, one column after another. */
export function encodeChunk(series: BarSeries, from: number, to: number): Buffer {
  const columns = columnsOf(series);
  const n = to - from;
  const packed = new Float64Array(n * columns.length);
  columns.forEach((column, c) => packed.set(column.subarray(from, to), c * n));
  return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
}

/**
 * Copies a chunk of `bars` bars into `target`'s columns from index `at`. The blob must have the target's
 * column count (7 with adjClose, else 6); anything else means the store is damaged.
 */
export function decodeChunkInto(blob: Uint8Array, bars: number, target: BarSeries, at: number): void {
  const columns = columnsOf(target);
  const columnBytes = bars * BYTES;
  if (blob.byteLength !== columnBytes * columns.length) {
    throw new Error(
      `bar store chunk of ${target.symbol} holds ${blob.byteLength} bytes, expected ${columnBytes * columns.length} for ${bars} bars`,
    );
  }
  columns.forEach((column, c) => {
    // A byte copy needs no alignment, whatever offset the driver's buffer has.
    new Uint8Array(column.buffer, column.byteOffset + at * BYTES, columnBytes).set(
      blob.subarray(c * columnBytes, (c + 1) * columnBytes),
    );
  });
}
