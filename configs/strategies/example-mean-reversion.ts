/**
 * Example user strategy: buy a symbol when its close sits more than `entryZ` standard deviations
 * below its `lookback`-bar mean, sell once it is back above `exitZ`. Long only, equal weight per symbol.
 * Load it from a backtest spec as a strategy module; params arrive raw, so they are checked here.
 */
import type { CreateContext, StrategyFn, Targets } from 'tradedesk/strategy';

interface Params {
  lookback: number;
  entryZ: number;
  exitZ: number;
  weight: number;
}

const DEFAULTS: Params = { lookback: 20, entryZ: 2, exitZ: 0, weight: 1 };

function readParams(raw: unknown): Params {
  const given = (raw ?? {}) as Record<string, unknown>;
  const params = { ...DEFAULTS };
  for (const key of Object.keys(given)) {
    if (!(key in DEFAULTS)) throw new Error(`example-mean-reversion: unknown param "${key}"`);
    const value = given[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`example-mean-reversion: param "${key}" must be a finite number`);
    }
    params[key as keyof Params] = value;
  }
  if (!Number.isInteger(params.lookback) || params.lookback < 2) {
    throw new Error('example-mean-reversion: lookback must be an integer >= 2');
  }
  return params;
}

export function create(raw: unknown, ctx: CreateContext): StrategyFn {
  const { lookback, entryZ, exitZ, weight } = readParams(raw);
  const held = new Set<string>();
  const perSymbol = ctx.symbols.length ? weight / ctx.symbols.length : 0;
  return (_asOf, view): Targets | null => {
    let changed = false;
    for (const symbol of ctx.symbols) {
      const closes = view.history(symbol, 'close', lookback);
      if (closes.length < lookback) continue;
      let mean = 0;
      for (const c of closes) mean += c / lookback;
      let variance = 0;
      for (const c of closes) variance += (c - mean) ** 2 / (lookback - 1);
      const sd = Math.sqrt(variance);
      if (sd === 0) continue;
      const z = (closes[lookback - 1] - mean) / sd;
      if (!held.has(symbol) && z < -entryZ) {
        held.add(symbol);
        changed = true;
      } else if (held.has(symbol) && z > exitZ) {
        held.delete(symbol);
        changed = true;
      }
    }
    if (!changed) return null;
    return { kind: 'weight', values: new Map([...held].map((s) => [s, perSymbol])) };
  };
}
