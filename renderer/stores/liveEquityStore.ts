import { create } from 'zustand';

/** Points a live series keeps at most; beyond it the series is thinned to half (the last point always stays). */
export const LIVE_MAX_POINTS = 4000;

export interface LiveSeries {
  ts: number[];
  equity: number[];
}

/** Every k-th point (k chosen so at most `max` remain) and the last one. */
export function thinSeries(series: LiveSeries, max: number): LiveSeries {
  const n = series.ts.length;
  if (n <= max) return series;
  const stride = Math.ceil(n / Math.max(1, max - 1));
  const keep = (_: number, i: number): boolean => i % stride === 0 || i === n - 1;
  return { ts: series.ts.filter(keep), equity: series.equity.filter(keep) };
}

/** Appends a batch, thinning the series whenever it outgrows `max`. */
export function appendLive(series: LiveSeries | undefined, ts: readonly number[], equity: readonly number[], max = LIVE_MAX_POINTS): LiveSeries {
  const out = { ts: [...(series?.ts ?? []), ...ts], equity: [...(series?.equity ?? []), ...equity] };
  return out.ts.length > max ? thinSeries(out, Math.floor(max / 2)) : out;
}

interface LiveEquityStore {
  byJob: Record<string, LiveSeries>;
  append: (jobId: string, ts: readonly number[], equity: readonly number[]) => void;
  /** Starts a job's series from what the engine has already recorded (a page opened mid-run). */
  seed: (jobId: string, series: LiveSeries) => void;
  /** Forgets a finished job's series: its card leaves the Jobs screen. */
  dismiss: (jobId: string) => void;
}

/** Equity computed so far by each job, fed by `backtests.progress` events. */
export const useLiveEquity = create<LiveEquityStore>((set) => ({
  byJob: {},
  append: (jobId, ts, equity) => set((s) => ({ byJob: { ...s.byJob, [jobId]: appendLive(s.byJob[jobId], ts, equity) } })),
  seed: (jobId, series) =>
    set((s) => {
      const current = s.byJob[jobId];
      // Keep only live points newer than the recorded ones.
      const lastSeeded = series.ts.length > 0 ? series.ts[series.ts.length - 1] : -Infinity;
      const from = current ? current.ts.findIndex((t) => t > lastSeeded) : -1;
      const tail = current && from !== -1 ? { ts: current.ts.slice(from), equity: current.equity.slice(from) } : { ts: [], equity: [] };
      return { byJob: { ...s.byJob, [jobId]: appendLive(series, tail.ts, tail.equity) } };
    }),
  dismiss: (jobId) =>
    set((s) => {
      const { [jobId]: _gone, ...rest } = s.byJob;
      return { byJob: rest };
    }),
}));
