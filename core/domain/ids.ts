import { randomBytes } from 'node:crypto';

const hex = (n: number, digits: number): string => n.toString(16).padStart(digits, '0');

/**
 * A source of client order references: RFC 9562 version-8 UUIDs made of 60 random bits drawn once
 * per source and a 60-bit counter. Unique forever in practice (a clash needs two sources drawing the
 * same 60 bits), and cheap enough for the millions of orders a backtest places.
 */
export function createOrderRefSource(): () => string {
  const r = randomBytes(8);
  const a = r.readUInt32BE(0).toString(16).padStart(8, '0');
  const b = hex(r.readUInt16BE(4), 4);
  const c = hex(r.readUInt16BE(6) & 0x0fff, 3);
  const prefix = `${a}-${b}-8${c}-`;
  const variant = (8 | (r[0] & 0x3)).toString(16);
  // 60-bit counter as 15 hex digits: 3 in the variant group (which changes every 2^48 refs), 12 in the last.
  let high = -1;
  let head = '';
  let low = 2 ** 48;
  return () => {
    if (low === 2 ** 48) {
      high++;
      low = 0;
      head = `${prefix}${variant}${hex(high, 3)}-`;
    }
    return head + hex(low++, 12);
  };
}
