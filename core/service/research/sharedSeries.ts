import type { BarSeries } from '../../data/BarSeries';

type Column = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;
type ColumnConstructor = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): Column; readonly BYTES_PER_ELEMENT: number };

const isColumn = (v: unknown): v is Column => ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array);
const isShared = (c: Column): boolean => typeof SharedArrayBuffer !== 'undefined' && c.buffer instanceof SharedArrayBuffer;

/**
 * The series with every column (ts, open, ..., any typed array) copied into one SharedArrayBuffer per series, so
 * a pool task can carry the data a caller has loaded: posting it to a worker shares the memory instead of copying
 * it, whatever the number of batches and workers. The values are the same to the bit. A series already shared is
 * given back as it is.
 */
export function sharedSeries(series: readonly BarSeries[]): BarSeries[] {
  return series.map((s) => {
    const columns = Object.entries(s).filter((e): e is [string, Column] => isColumn(e[1]));
    if (columns.every(([, c]) => isShared(c))) return s;
    // Each column starts on an 8-byte boundary, whatever the element size before it.
    const offsets: number[] = [];
    let bytes = 0;
    for (const [, c] of columns) {
      offsets.push(bytes);
      bytes += Math.ceil(c.byteLength / 8) * 8;
    }
    const buffer = new SharedArrayBuffer(bytes);
    const copy: Record<string, unknown> = { ...s };
    columns.forEach(([key, c], i) => {
      const view = new (c.constructor as ColumnConstructor)(buffer, offsets[i], c.length);
      view.set(c);
      copy[key] = view;
    });
    return copy as unknown as BarSeries;
  });
}
