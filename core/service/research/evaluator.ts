import type { RunResult } from '../../backtest/runner';
import { runBacktest } from '../../backtest/runner';
import type { ResolvedSpec } from '../../config/loadSpec';
import type { BarSeries } from '../../data/BarSeries';
import { flatMetrics, type FlatMetrics } from '../../research/flatMetrics';
import type { Combination } from '../../research/where';
import { resolveStrategy } from '../resolveStrategy';
import type { FinerBars } from '../../sim/BacktestBroker';
import { finerBarsFor, runInputOf, specSeries } from '../runSpec';

/** Inclusive bounds (epoch ms) a run is cut to; null keeps the spec's own bound. */
export interface RunWindow {
  start: number | null;
  end: number | null;
}

export interface Evaluation {
  result: RunResult;
  metrics: FlatMetrics;
}

/**
 * Runs one combination of a spec's strategy params over data loaded once: exactly what `tradedesk backtest`
 * runs for the spec with those params (the same input, built by runInputOf), kept in memory.
 */
export class Evaluator {
  private readonly series: readonly BarSeries[];
  private readonly symbols: readonly string[];
  private readonly finerBars: FinerBars | undefined;

  constructor(
    private readonly spec: ResolvedSpec,
    loaded: readonly BarSeries[],
  ) {
    this.series = specSeries(spec, loaded);
    this.symbols = this.series.map((s) => s.symbol);
    this.finerBars = finerBarsFor(spec, this.series);
  }

  async run(params: Combination, window: RunWindow | null = null): Promise<Evaluation> {
    const spec = this.spec;
    const source = { ...spec.strategy, params: { ...spec.strategy.params, ...params } };
    const strategy = await resolveStrategy(source, { symbols: this.symbols, baseDir: spec.baseDir }, spec.file);
    const input = runInputOf(spec, this.series, strategy.strategy, this.finerBars);
    if (window?.start != null) input.start = window.start;
    if (window?.end != null) input.end = window.end;
    const result = runBacktest(input);
    if (result.status === 'failed') throw new Error(`${describe(params)}: ${result.error ?? 'the run failed'}`);
    return { result, metrics: flatMetrics(result) };
  }
}

/** A combination as `fast=10, slow=30`, for messages. */
export function describe(params: Combination): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}
