import type { WalkForwardDetail } from '../../../core/ipc/contract/research';
import { fmtPct } from '../../components/common/format';

export interface Reading {
  tone: 'pos' | 'neg' | 'warn' | '';
  text: string;
}

/**
 * What a walk-forward efficiency (annualised out-of-sample return over in-sample, averaged over the
 * windows) says, on the usual reading: above about one half the optimisation carried forward; below
 * it most of the in-sample edge was fitted to noise; above one the out-of-sample periods were kinder.
 */
export function efficiencyReading(e: number | null): Reading {
  if (e === null) return { tone: '', text: 'Not defined: it needs finished windows whose in-sample return is above zero.' };
  if (e < 0) return { tone: 'neg', text: 'Out-of-sample lost money where in-sample made it: the chosen parameters did not carry forward.' };
  if (e < 0.5) return { tone: 'warn', text: `Out-of-sample kept ${fmtPct(e * 100, 0)} of the in-sample return: most of the in-sample edge looks fitted.` };
  if (e <= 1) return { tone: 'pos', text: `Out-of-sample kept ${fmtPct(e * 100, 0)} of the in-sample return: the optimisation carried forward.` };
  return { tone: 'warn', text: 'Out-of-sample beat in-sample: robust, or kinder out-of-sample periods; check the windows one by one.' };
}

/** One timestamp of the chart: the stitched out-of-sample equity and each window's in-sample equity, where they have a point. */
export type WalkChartRow = { t: number } & Record<string, number>;

export const OOS_KEY = 'oos';
export const inSampleKey = (window: number): string => `is${window}`;

/** The stitched curve and every in-sample curve on one time axis. */
export function walkChartRows(d: Pick<WalkForwardDetail, 'stitched' | 'windows'>): WalkChartRow[] {
  const byTs = new Map<number, WalkChartRow>();
  const put = (t: number, k: string, v: number): void => {
    let row = byTs.get(t);
    if (!row) {
      row = { t } as WalkChartRow;
      byTs.set(t, row);
    }
    row[k] = v;
  };
  d.stitched.ts.forEach((t, i) => put(t, OOS_KEY, d.stitched.equity[i]));
  for (const w of d.windows) w.inSampleCurve.ts.forEach((t, i) => put(t, inSampleKey(w.index), w.inSampleCurve.equity[i]));
  return [...byTs.values()].sort((a, b) => a.t - b.t);
}
