import { z } from 'zod';
import type { DataView, SymbolBars } from '../../sim/DataView';
import type { PortfolioView, StrategyDefinition } from '../types';
import { weightParam } from './commonParams';

const params = z
  .object({
    fast: z.number().int().positive().default(10),
    slow: z.number().int().positive().default(20),
    mode: z.enum(['long_only', 'long_short']).default('long_only'),
    weight: weightParam,
  })
  .strict()
  .refine((p) => p.fast < p.slow, {
    message: 'sma-cross: fast must be less than slow',
    path: ['fast'],
  });
export type SmaCrossParams = z.infer<typeof params>;

type Sign = -1 | 0 | 1;

interface SymbolState {
  /** Bars already folded into the sums; -1 forces a full recompute. */
  count: number;
  sumFast: number;
  sumSlow: number;
  /** Sign of fastSMA - slowSMA on the latest bar, null until `slow` bars exist. */
  sign: Sign | null;
  position: Sign;
}

/** Running sums drift by a few ulps; recomputing now and then keeps them exact enough forever. */
const RESYNC_EVERY = 1024;
/**
 * SMAs equal in exact arithmetic (e.g. a flat price) can differ in the last bits after summation,
 * so differences within this relative tolerance count as equal: the strict-cross rule needs a real move.
 */
const REL_EPS = 1e-12;

function compare(a: number, b: number): Sign | null {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  const d = a - b;
  if (Math.abs(d) <= REL_EPS * Math.max(Math.abs(a), Math.abs(b))) return 0;
  return d > 0 ? 1 : -1;
}

function sum(h: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i < to; i++) s += h[i];
  return s;
}

/**
 * Folds the symbol's new bar into its state; returns the sign on the previous bar (null if unknown). A module
 * function, not a closure per run, so a sweep's runs all call the one the compiler has already inlined.
 */
function advance(view: DataView, bars: SymbolBars, st: SymbolState, n: number, fast: number, slow: number): Sign | null {
  if (n === st.count + 1 && n % RESYNC_EVERY !== 0) {
    const c = bars.close(0);
    st.sumFast += c - (n > fast ? bars.close(fast) : 0);
    st.sumSlow += c - (n > slow ? bars.close(slow) : 0);
    return st.sign;
  }
  const h = view.history(bars.symbol, 'close', slow + 1);
  const len = h.length;
  st.sumFast = sum(h, len - fast, len);
  st.sumSlow = sum(h, len - slow, len);
  return len > slow ? compare(sum(h, len - 1 - fast, len - 1) / fast, sum(h, 0, slow) / slow) : null;
}

/** The weight `symbol` holds at the close, or 0 when it is not held on the side of `position`. */
function heldWeight(view: DataView, portfolio: PortfolioView, symbol: string, position: Sign): number {
  const qty = portfolio.positions.get(symbol) ?? 0;
  const value = qty * view.close(symbol, 0);
  if (Math.sign(qty) !== position || !(portfolio.equity > 0) || !Number.isFinite(value)) return 0;
  return value / portfolio.equity;
}

export const smaCross: StrategyDefinition<SmaCrossParams> = {
  name: 'sma-cross',
  description:
    'Per symbol: long when the fast SMA crosses above the slow one; short (long_short) or flat (long_only) on the cross below. A symbol is traded only on its own cross; between crosses it keeps what it holds.',
  params,
  create({ fast, slow, mode, weight }, ctx) {
    // Arrays in the universe's order, walked by index: a Map's entry iterator would allocate on every session.
    const symbols = ctx.symbols;
    const states: SymbolState[] = symbols.map(() => ({ count: 0, sumFast: 0, sumSlow: 0, sign: null, position: 0 }));
    const perSymbol = ctx.symbols.length ? weight / ctx.symbols.length : 0;

    // Each symbol's bars, found once per view (a run keeps one view; a test may make one per session).
    let barsView: DataView | null = null;
    let bars: SymbolBars[] = [];
    return (_asOf, view, portfolio) => {
      if (view !== barsView) {
        // A loop, not map: map's array can change form once the compiler inlines it, a deopt per sweep worker.
        bars = [];
        for (const s of symbols) bars.push(view.bars(s));
        barsView = view;
      }
      let crossed: Set<string> | null = null;
      for (let k = 0; k < symbols.length; k++) {
        const symbol = symbols[k];
        const st = states[k];
        const n = bars[k].count();
        if (n === st.count) continue;
        const prev = advance(view, bars[k], st, n, fast, slow);
        st.sign = n >= slow ? compare(st.sumFast / fast, st.sumSlow / slow) : null;
        st.count = st.sign === null && n >= slow ? -1 : n;
        if (prev === null || st.sign === null) continue;
        let next = st.position;
        if (prev <= 0 && st.sign > 0) next = 1;
        else if (prev >= 0 && st.sign < 0) next = mode === 'long_short' ? -1 : 0;
        if (next !== st.position) {
          st.position = next;
          (crossed ??= new Set()).add(symbol);
        }
      }
      if (!crossed) return null;
      const values = new Map<string, number>();
      for (let k = 0; k < symbols.length; k++) {
        const symbol = symbols[k];
        const st = states[k];
        if (st.position === 0) continue;
        // A symbol whose own signal did not change keeps the weight it holds now: another symbol's cross must
        // not resize it. One that should be held but is not (a buy cut for funds) is targeted afresh.
        const held = crossed.has(symbol) ? 0 : heldWeight(view, portfolio, symbol, st.position);
        values.set(symbol, held !== 0 ? held : st.position * perSymbol);
      }
      return { kind: 'weight', values };
    };
  },
};
