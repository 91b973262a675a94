import type { Spec } from '../newBacktest/specPath';
import type { SeriesKey } from './coverage';

/** Stored series the engine can backtest: ticks have no bar size a spec can name. */
export const canBacktest = (s: SeriesKey): boolean => s.barSize !== 'tick';

/**
 * The New backtest form's starting spec for one stored series: the engine's defaults with the bar store
 * as the data source (that symbol at its bar size). The period is left to the data (start and end
 * dropped), since the defaults' dates belong to their synthetic market.
 */
export function storeBacktestSpec(defaults: Spec, series: SeriesKey): Spec {
  const { start: _start, end: _end, ...rest } = defaults;
  return {
    ...rest,
    name: `${series.symbol} ${series.barSize} backtest`,
    data: { store: { symbols: [series.symbol], bar_size: series.barSize } },
  };
}

/** What the form's bar store source offers: the bar sizes stored, and the symbols stored at the chosen one. */
export function storeChoices(series: readonly SeriesKey[], barSize: string): { sizes: string[]; symbols: string[] } {
  const sizes = [...new Set(series.filter(canBacktest).map((s) => s.barSize))];
  if (!sizes.includes(barSize)) sizes.push(barSize);
  const symbols = series.filter((s) => s.barSize === barSize).map((s) => s.symbol);
  return { sizes, symbols: [...new Set(symbols)].sort() };
}

/**
 * The spec's symbol list with `symbol` ticked or unticked, in store order; undefined when none is left
 * (the spec then means every series of the bar size).
 */
export function toggleSymbol(picked: readonly string[] | undefined, symbol: string, all: readonly string[]): string[] | undefined {
  const set = new Set(picked ?? []);
  if (set.has(symbol)) set.delete(symbol);
  else set.add(symbol);
  const next = all.filter((s) => set.has(s));
  // Ticked symbols no longer stored stay in the spec, so the engine can say they are missing.
  for (const s of set) if (!all.includes(s)) next.push(s);
  return next.length === 0 ? undefined : next;
}
