import { EMPTY, fmtNumber, withMinus } from '../../components/common/format';

type Num = number | null | undefined;
const isNum = (v: Num): v is number => typeof v === 'number' && Number.isFinite(v);

/** Money and P&L with an explicit sign: +1,234.50 / −12.00 / 0.00 */
export function fmtPnl(v: Num): string {
  if (!isNum(v)) return EMPTY;
  const body = fmtNumber(Math.abs(v), 2);
  if (body === fmtNumber(0, 2)) return body;
  return `${v > 0 ? '+' : '−'}${body}`;
}

/** 'pos' | 'neg' | '' for a P&L, judged as shown: a loss that rounds to 0.00 is not coloured. */
export function pnlClass(v: Num): 'pos' | 'neg' | '' {
  if (!isNum(v) || Math.abs(v) < 0.005) return '';
  return v > 0 ? 'pos' : 'neg';
}

/** Prices to the cent; below one, to four decimals (sub-dollar stocks tick finer). */
export function fmtPrice(v: Num): string {
  if (!isNum(v)) return EMPTY;
  return fmtNumber(v, Math.abs(v) < 1 && v !== 0 ? 4 : 2);
}

/** Quantities: whole units plainly, fractional units to four decimals at most. */
export function fmtQty(v: Num): string {
  if (!isNum(v)) return EMPTY;
  if (Number.isInteger(v)) return fmtNumber(v, 0);
  return withMinus(String(Math.round(v * 1e4) / 1e4));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A moment of today's session in the trader's time zone: 14:07:31 */
export function fmtClock(ts: Num): string {
  if (!isNum(ts)) return EMPTY;
  const d = new Date(ts);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
