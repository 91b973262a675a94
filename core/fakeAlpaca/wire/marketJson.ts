import type { Bar } from '../../data/BarSeries';

/** Quotes straddle the last price by the simulator's spread, on the cent grid, at least a cent apart. */
export interface QuoteTerms {
  bid: number;
  ask: number;
}

export function quoteAround(last: number, spreadBps: number): QuoteTerms {
  const half = (last * spreadBps) / 20_000;
  const cents = (x: number): number => Math.round(x * 100) / 100;
  const bid = Math.floor((last - half) * 100) / 100;
  const ask = Math.ceil((last + half) * 100) / 100;
  if (ask - bid >= 0.01 - 1e-9) return { bid, ask };
  // No spread configured: the nearest cents strictly around the last price, so bid < last < ask.
  return { bid: cents(Math.ceil(last * 100) / 100 - 0.01), ask: cents(Math.floor(last * 100) / 100 + 0.01) };
}

/** Alpaca's market-data bar ({t, o, h, l, c, v, n, vw}); `t` as RFC 3339 text (REST) or a Date (msgpack stream). */
export function barFields<T>(bar: Bar, time: (ms: number) => T): { t: T; o: number; h: number; l: number; c: number; v: number; n: number; vw: number } {
  return {
    t: time(bar.ts),
    o: bar.open,
    h: bar.high,
    l: bar.low,
    c: bar.close,
    v: bar.volume,
    // The fake has no trades inside a bar: a count proportional to volume and the typical price stand in.
    n: Math.max(1, Math.round(bar.volume / 100)),
    vw: Math.round(((bar.high + bar.low + bar.close) / 3) * 1e4) / 1e4,
  };
}

export function quoteFields<T>(q: QuoteTerms, ms: number, time: (ms: number) => T): { t: T; ax: string; ap: number; as: number; bx: string; bp: number; bs: number; c: string[]; z: string } {
  return { t: time(ms), ax: 'V', ap: q.ask, as: 100, bx: 'V', bp: q.bid, bs: 100, c: ['R'], z: 'C' };
}

export function tradeFields<T>(price: number, size: number, id: number, ms: number, time: (ms: number) => T): { t: T; x: string; p: number; s: number; c: string[]; i: number; z: string } {
  return { t: time(ms), x: 'V', p: price, s: size, c: ['@'], i: id, z: 'C' };
}

export const isoTime = (ms: number): string => new Date(ms).toISOString();
