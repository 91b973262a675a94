import { type HeldPositions, positionOf } from '../domain/portfolio';
import type { Timestamp } from '../domain/order';
import type { PositionSetRow, PositionSnapshotRow } from './rows';

/**
 * A backtest stores a session's positions as one row (backtest_position_sets): a 500-symbol run holds
 * millions of positions, and a row per position cost its writer more than its orders and fills did.
 * `instruments` joins the held instruments with newlines; `data` is their quantities, then average
 * costs, market prices and realized P&L, as float64 in the machine's byte order (little-endian on every
 * platform the app runs on), so every value comes back bit for bit.
 */
const FIELDS = ['quantity', 'avgCost', 'marketPrice', 'realizedPnl'] as const;

/** The held positions as a row to store; throws, naming the position, on a value SQLite could not give back. */
export function packPositionSet(ts: Timestamp, held: HeldPositions): PositionSetRow {
  const n = held.count;
  const data = new Float64Array(FIELDS.length * n);
  for (let f = 0; f < FIELDS.length; f++) {
    const column = held[FIELDS[f]];
    for (let k = 0; k < n; k++) {
      const v = column[k];
      if (!Number.isFinite(v)) throw new Error(`position snapshot at ${ts}: ${held.instruments[k]}'s ${FIELDS[f]} is ${v}, not a finite number`);
      data[f * n + k] = v;
    }
  }
  for (let k = 0; k < n; k++) {
    const name = held.instruments[k];
    if (name === '' || name.includes('\n')) throw new Error(`position snapshot at ${ts}: instrument ${JSON.stringify(name)} cannot be stored`);
  }
  return { ts, held: n, instruments: held.instruments.slice(0, n).join('\n'), data: new Uint8Array(data.buffer) };
}

/** A stored row's positions, in their stored (symbol) order. */
export function unpackPositionSet(row: PositionSetRow): PositionSnapshotRow[] {
  const n = row.held;
  const names = n === 0 ? [] : row.instruments.split('\n');
  if (names.length !== n || row.data.byteLength !== FIELDS.length * n * Float64Array.BYTES_PER_ELEMENT) {
    throw new Error(`position set at ${row.ts} is damaged: ${n} positions, ${names.length} instruments, ${row.data.byteLength} bytes of values`);
  }
  // A copy: SQLite's bytes need not be aligned for a Float64Array view.
  const v = new Float64Array(row.data.buffer.slice(row.data.byteOffset, row.data.byteOffset + row.data.byteLength));
  const out: PositionSnapshotRow[] = [];
  for (let k = 0; k < n; k++) out.push({ ts: row.ts, ...positionOf(names[k], v[k], v[n + k], v[2 * n + k], v[3 * n + k]) });
  return out;
}
