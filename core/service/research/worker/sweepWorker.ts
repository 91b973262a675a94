import { statSync } from 'node:fs';
import { openDatabase } from '../../../store/db';
import type { BarSeries } from '../../../data/BarSeries';
import { loadSpecData } from '../../loadSpecData';
import { Evaluator } from '../evaluator';
import { sessionReturns } from '../../../backtest/metricsSeries';
import { periodsPerYear } from '../../../backtest/runner';
import { pboPart as scorePairs, type PboPart } from '../../../research/stats/pbo';
import type { PboTask, SweepRow, SweepTask } from './messages';

/** Data a worker has loaded, by what it was loaded from: a sweep's batches reuse it instead of reading it again. */
let cached: { key: string; series: BarSeries[] } | null = null;

/** A file's identity for the cache: a file rewritten in place (or a store written to) is read again. */
function stamp(file: string): [number, number] | null {
  try {
    const s = statSync(file);
    return [s.mtimeMs, s.size];
  } catch {
    return null;
  }
}

/** What the data was loaded from, down to the files' modification times. */
function dataKey(task: SweepTask): string {
  const data = task.spec.data;
  const files = data.kind === 'csv' ? data.files.map((f) => f.path) : data.kind === 'store' ? [data.db ?? task.dbPath ?? ''].flatMap((f) => [f, `${f}-wal`]) : [];
  return JSON.stringify([data, task.dbPath, files.map(stamp)]);
}

function seriesFor(task: SweepTask): BarSeries[] {
  const key = dataKey(task);
  if (cached?.key === key) return cached.series;
  const db = task.dbPath === null ? undefined : openDatabase(task.dbPath);
  try {
    cached = { key, series: loadSpecData(task.spec.data, db).series };
  } finally {
    db?.close();
  }
  return cached.series;
}

/** A pool worker's task: runs each combination of the batch and answers its metrics and returns. */
export default async function runBatch(task: SweepTask): Promise<SweepRow[]> {
  const series = seriesFor(task);
  const evaluator = new Evaluator(task.spec, series);
  const ppy = periodsPerYear(series);
  const rows: SweepRow[] = [];
  for (const { index, params } of task.combinations) {
    const { result, metrics } = await evaluator.run(params, task.window);
    rows.push({
      index,
      metrics,
      returns: sessionReturns(result.equity),
      periodsPerYear: ppy,
      ts: task.withEquity ? result.ts : null,
      equity: task.withEquity ? result.equity : null,
    });
  }
  return rows;
}

/** A pool worker's other task: its share of the sweep's PBO splits, over the returns the sweep gathered. */
export function pboPart(task: PboTask): PboPart {
  const matrix = Array.from({ length: task.trials }, (_, i) => task.returns.subarray(i * task.rows, (i + 1) * task.rows));
  return scorePairs(matrix, task.layout, task.from, task.to);
}
