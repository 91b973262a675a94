import { randomBytes } from 'node:crypto';

const hex = (n: number, digits: number): string => n.toString(16).padStart(digits, '0');

const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => hex(i, 2));

/** `hex(n, 12)` for 0 <= n < 2^48 by table: a backtest formats one per order. */
function hex12(n: number): string {
  const hi = Math.floor(n / 0x1000000);
  const lo = n - hi * 0x1000000;
  return (
    BYTE_HEX[(hi >>> 16) & 255] + BYTE_HEX[(hi >>> 8) & 255] + BYTE_HEX[hi & 255] +
    BYTE_HEX[lo >>> 16] + BYTE_HEX[(lo >>> 8) & 255] + BYTE_HEX[lo & 255]
  );
}

/** Largest sequence number an order ref can carry: 60 bits, kept below 2^53 by JavaScript numbers. */
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

/**
 * Client order references for one broker: RFC 9562 version-8 UUIDs made of 60 random bits drawn
 * once (the prefix) and the order's sequence number. Unique forever in practice (a clash needs two
 * brokers drawing the same 60 bits), cheap to make, and derivable again from the prefix and the
 * number, so a store need not keep millions of them as text.
 */
export interface OrderRefs {
  /** `xxxxxxxx-xxxx-8xxx-v`: everything before the sequence number's 15 hex digits. */
  readonly prefix: string;
  refFor(seq: number): string;
}

export function orderRefFor(prefix: string, seq: number): string {
  // Every realistic run stays below 2^48 orders: its high digits are always 000.
  if (seq >= 0 && seq < 2 ** 48 && Number.isInteger(seq)) return `${prefix}000-${hex12(seq)}`;
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_SEQ) throw new Error(`order ref sequence ${seq} is out of range`);
  const high = Math.floor(seq / 2 ** 48);
  return `${prefix}${hex(high, 3)}-${hex(seq - high * 2 ** 48, 12)}`;
}

/**
 * The sequence number `ref` carries if it is exactly `orderRefFor(prefix, n)` for some n, else -1.
 * Read from its digits, without formatting a ref to compare: a backtest checks one per order.
 */
export function seqOfRef(ref: string, prefix: string): number {
  const at = prefix.length;
  if (ref.length !== at + 16 || ref.charCodeAt(at + 3) !== 45 || !ref.startsWith(prefix)) return -1;
  let n = 0;
  for (let i = at; i < ref.length; i++) {
    if (i === at + 3) continue;
    const c = ref.charCodeAt(i);
    // Lowercase hex only, as orderRefFor writes it.
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return -1;
    n = n * 16 + d;
  }
  return n <= MAX_SEQ ? n : -1;
}

/** Random bytes drawn in batches: a backtest makes one broker per run, and a sweep thousands of runs. */
let pool = Buffer.alloc(0);
let pooled = 0;

function random8(): Buffer {
  if (pooled + 8 > pool.length) {
    pool = randomBytes(512);
    pooled = 0;
  }
  pooled += 8;
  return pool.subarray(pooled - 8, pooled);
}

export function createOrderRefs(): OrderRefs {
  const r = random8();
  const a = hex(r.readUInt32BE(0), 8);
  const b = hex(r.readUInt16BE(4), 4);
  const c = hex(r.readUInt16BE(6) & 0x0fff, 3);
  const variant = (8 | (r[0] & 0x3)).toString(16);
  const prefix = `${a}-${b}-8${c}-${variant}`;
  // Sequence numbers arrive in order, so all but the last two hex digits change once per 256 orders.
  let stem = '';
  let stemOf = -1;
  const refFor = (seq: number): string => {
    if (!(seq >= 0 && seq < 2 ** 48 && Number.isInteger(seq))) return orderRefFor(prefix, seq);
    const high = Math.floor(seq / 256);
    if (high !== stemOf) {
      stemOf = high;
      stem = orderRefFor(prefix, high * 256).slice(0, -2);
    }
    return stem + BYTE_HEX[seq & 255];
  };
  return { prefix, refFor };
}
