import type { Holding } from './exposure';
import type { CurvePoint } from './riskReport';

/** One symbol's closes in time order. */
export interface CloseSeries {
  ts: ArrayLike<number>;
  close: ArrayLike<number>;
}

/**
 * The value the current book would have had on each past date (historical simulation of today's
 * portfolio, for an account that has no recorded equity history): cash + Σ quantity × that day's close,
 * where cash is today's equity less today's market value. Only dates on which every held symbol has a
 * close are used; a flat book gives no curve.
 */
export function bookCurve(holdings: readonly Holding[], equity: number, closes: ReadonlyMap<string, CloseSeries>): CurvePoint[] {
  const held = holdings.filter((h) => h.quantity !== 0);
  if (held.length === 0) return [];
  const cash = equity - held.reduce((acc, h) => acc + h.quantity * h.price, 0);
  const byDate = new Map<number, { value: number; seen: number }>();
  for (const h of held) {
    const s = closes.get(h.symbol);
    if (s === undefined) throw new Error(`bookCurve: no closes given for ${h.symbol}`);
    for (let i = 0; i < s.ts.length; i++) {
      const at = byDate.get(s.ts[i]) ?? { value: cash, seen: 0 };
      at.value += h.quantity * s.close[i];
      at.seen += 1;
      byDate.set(s.ts[i], at);
    }
  }
  return [...byDate.entries()]
    .filter(([, v]) => v.seen === held.length)
    .sort((a, b) => a[0] - b[0])
    .map(([ts, v]) => ({ ts, equity: v.value, benchmark: null }));
}
