import type { Handlers } from '../../core/ipc/contract';
import type { Job } from '../../core/ipc/contract/backtests';
import type { ResearchJob, SweepDetail, SweepResult, WalkForwardDetail } from '../../core/ipc/contract/research';

/**
 * Canned research answers for component tests, each checked against the contract by the fake
 * engine's router. The sweep is small enough to reason about by hand (see `SWEEP_OBJECTIVE`).
 */

export const RUN_A = '00000000-0000-4000-8000-0000000000a1';
export const RUN_B = '00000000-0000-4000-8000-0000000000b2';

export const OBJECTIVES = [
  { name: 'sharpe', label: 'Sharpe', direction: 'max' as const },
  { name: 'cagr_pct', label: 'CAGR', direction: 'max' as const },
  { name: 'max_drawdown_pct', label: 'Max drawdown', direction: 'max' as const },
];

export const researchJob = (over: Partial<ResearchJob> = {}): ResearchJob => ({
  id: 'sw-1',
  kind: 'sweep',
  name: 'sma sweep',
  state: 'queued',
  done: 0,
  total: 0,
  etaMs: null,
  error: null,
  ...over,
});

export const backtestJob = (over: Partial<Job> = {}): Job => ({
  jobId: 'bt-1',
  name: 'sma sweep #3',
  state: 'queued',
  runId: null,
  done: 0,
  total: 0,
  etaMs: null,
  error: null,
  queuedAt: 1,
  ...over,
});

/**
 * The sweep's objective (Sharpe) by parameters: long_short adds 0.5, fast 15 loses 1. The best is
 * fast 10, slow 30, long_short (1.8). The combination fast 15, slow 20, long_short is missing, so
 * the fast × slow heatmap at the best's mode has one empty cell.
 */
export const SWEEP_OBJECTIVE = (fast: number, slow: number, mode: string): number =>
  Math.round((fast / 10 + slow / 100 + (mode === 'long_short' ? 0.5 : 0) - (fast === 15 ? 1 : 0)) * 100) / 100;

function sweepResults(): SweepResult[] {
  const out: SweepResult[] = [];
  for (const fast of [5, 10, 15]) {
    for (const slow of [20, 30]) {
      for (const mode of ['long_only', 'long_short']) {
        if (fast === 15 && slow === 20 && mode === 'long_short') continue;
        const sharpe = SWEEP_OBJECTIVE(fast, slow, mode);
        out.push({
          index: out.length,
          params: { fast, slow, mode },
          objective: sharpe,
          metrics: { sharpe, total_return_pct: sharpe * 10, max_drawdown_pct: -10 - fast, closed_trades: 100 - fast, cagr_pct: sharpe * 2, final_equity: 10_000 + sharpe * 1000 },
          runId: null,
        });
      }
    }
  }
  return out;
}

/** The index in `results` of the combination with these parameters. */
export function resultIndex(detail: SweepDetail, fast: number, slow: number, mode: string): number {
  return detail.results.findIndex((r) => r.params.fast === fast && r.params.slow === slow && r.params.mode === mode);
}

export function sweepDetail(over: Partial<SweepDetail> = {}): SweepDetail {
  const results = sweepResults();
  const best = results.findIndex((r) => r.params.fast === 10 && r.params.slow === 30 && r.params.mode === 'long_short');
  return {
    id: 'sw-1',
    name: 'sma sweep',
    strategy: 'sma-cross',
    objective: 'sharpe',
    state: 'completed',
    combinations: results.length,
    done: results.length,
    createdAt: Date.UTC(2024, 4, 2, 12),
    elapsedMs: 42_000,
    bestObjective: 1.8,
    error: null,
    request: {
      spec: { name: 'sma sweep', strategy: { name: 'sma-cross', params: { fast: 10, slow: 20, mode: 'long_only', weight: 1 } } },
      axes: [
        { name: 'fast', min: 5, max: 15, step: 5 },
        { name: 'slow', values: [20, 30] },
        { name: 'mode', values: ['long_only', 'long_short'] },
      ],
      search: { kind: 'grid' },
      where: 'fast < slow',
      objective: 'sharpe',
    },
    paramNames: ['fast', 'slow', 'mode'],
    best,
    results,
    overfitting: {
      deflatedSharpe: {
        dsr: 0.62,
        sharpeAnnualised: 1.8,
        expectedMaxSharpeAnnualised: 1.4,
        trials: 11,
        skew: -0.2,
        kurtosis: 4.1,
        observations: 2520,
        reading: 'The best Sharpe is above what eleven tries would show by luck only 62 % of the time.',
      },
      pbo: { pbo: 0.31, partitions: 16, splits: 12_870, probabilityOfLoss: 0.12, reading: 'The in-sample best lands below the median out of sample in 31 % of splits.' },
    },
    ...over,
  };
}

const DAY = 86_400_000;
const T0 = Date.UTC(2012, 0, 2);

export function walkForwardDetail(over: Partial<WalkForwardDetail> = {}): WalkForwardDetail {
  const windows = [0, 1, 2].map((i) => {
    const isStart = T0 + i * 180 * DAY;
    const oosStart = isStart + 720 * DAY;
    return {
      index: i,
      inSampleStart: isStart,
      inSampleEnd: oosStart - DAY,
      outOfSampleStart: oosStart,
      outOfSampleEnd: oosStart + 179 * DAY,
      params: { fast: i === 1 ? 5 : 10, slow: 30 },
      inSampleObjective: 1.5 - i * 0.1,
      outOfSampleObjective: i === 2 ? -0.2 : 0.9,
      inSample: { total_return_pct: 30, sharpe: 1.5 - i * 0.1 },
      outOfSample: { total_return_pct: i === 2 ? -2 : 6, sharpe: i === 2 ? -0.2 : 0.9, max_drawdown_pct: -8, closed_trades: 12 },
      overfitting: {
        deflatedSharpe: { dsr: 0.8 - i * 0.1, sharpeAnnualised: 1.5, expectedMaxSharpeAnnualised: 0.9, trials: 2, skew: 0, kurtosis: 3, observations: 500, reading: '' },
        pbo: { pbo: 0.25 + i * 0.1, partitions: 16, splits: 12870, probabilityOfLoss: 0.1, reading: '' },
      },
      inSampleCurve: { ts: [isStart, isStart + 360 * DAY, oosStart - DAY], equity: [10_000, 11_000, 12_000] },
    };
  });
  return {
    id: 'wf-1',
    name: 'sma walk-forward',
    strategy: 'sma-cross',
    objective: 'sharpe',
    state: 'completed',
    createdAt: Date.UTC(2024, 4, 2, 12),
    elapsedMs: 90_000,
    error: null,
    done: 3,
    total: 3,
    request: {
      spec: { name: 'sma walk-forward', strategy: { name: 'sma-cross', params: { fast: 10, slow: 20 } } },
      axes: [
        { name: 'fast', min: 5, max: 10, step: 5 },
        { name: 'slow', values: [30] },
      ],
      search: { kind: 'grid' },
      where: '',
      objective: 'sharpe',
      windows: { mode: 'rolling', unit: 'months', inSample: 24, outOfSample: 6 },
    },
    paramNames: ['fast', 'slow'],
    windows,
    stitched: { ts: windows.flatMap((w) => [w.outOfSampleStart, w.outOfSampleEnd]), equity: [10_000, 10_600, 10_600, 11_236, 11_236, 11_011] },
    stitchedMetrics: { total_return_pct: 10.11, cagr_pct: 6.6, sharpe: 0.71, max_drawdown_pct: -8.4, closed_trades: 36 },
    efficiency: 0.64,
    stability: [
      { name: 'fast', mostChosen: 10, share: 2 / 3, distinct: 2, min: 5, max: 10 },
      { name: 'slow', mostChosen: 30, share: 1, distinct: 1, min: 30, max: 30 },
    ],
    overfitting: { meanPbo: 0.35, meanDsr: 0.7, reading: 'Mean over windows: PBO 0.35: the in-sample best stays above the median out of sample more often than not, but not reliably' },
    ...over,
  };
}

/** The research methods every research screen asks on opening, answered empty or canned. */
export function researchBasics(): Partial<Handlers> {
  return {
    'research.objectives': () => OBJECTIVES,
    'research.jobs': () => [],
    'research.sweeps': () => [],
    'research.walkForwards': () => [],
  };
}
