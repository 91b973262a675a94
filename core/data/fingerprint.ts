import { createHash } from 'node:crypto';
import type { BarSeries } from './BarSeries';

/**
 * sha256 hex identifying a data set: each series' symbol and the raw bytes of its ts/open/high/low/close/volume
 * columns. Series are hashed individually and combined in (symbol, digest) order, so the input order does not
 * matter, even when two series share a symbol.
 */
export function dataFingerprint(series: readonly BarSeries[]): string {
  const entries = series.map((s) => ({ symbol: s.symbol, digest: seriesDigest(s) }));
  entries.sort((x, y) => compare(x.symbol, y.symbol) || compare(x.digest, y.digest));
  const combined = createHash('sha256');
  for (const { symbol, digest } of entries) combined.update(`${JSON.stringify(symbol)}:${digest}\n`);
  return combined.digest('hex');
}

function seriesDigest(s: BarSeries): string {
  const hash = createHash('sha256');
  // The length prefix keeps column boundaries unambiguous.
  hash.update(`${JSON.stringify(s.symbol)}:${s.length}\n`);
  for (const column of [s.ts, s.open, s.high, s.low, s.close, s.volume]) {
    const rows = column.subarray(0, s.length);
    hash.update(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength));
  }
  return hash.digest('hex');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
