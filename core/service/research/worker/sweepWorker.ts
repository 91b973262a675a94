import { statSync } from 'node:fs';
import { openDatabase } from '../../../store/db';
import type { BarSeries } from '../../../data/BarSeries';
import { loadSpecData } from '../../loadSpecData';
import { Evaluator } from '../evaluator';
import { sessionReturns } from '../../../backtest/metricsSeries';
import { periodsPerYear } from '../../../backtest/runner';
import { pboPartOfBlocks as scorePairs, type PboPart } from '../../../research/stats/pbo';
import { trialStats } from '../../../research/trialStats';
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
      trial: trialStats(sessionReturns(result.equity)),
      periodsPerYear: ppy,
      ts: task.withEquity ? result.ts : null,
      equity: task.withEquity ? result.equity : null,
    });
  }
  return rows;
}

/** A pool worker's other task: its share of the sweep's PBO splits, over the block sums the sweep gathered. */
export function pboPart(task: PboTask): PboPart {
  return scorePairs({ sum: task.sum, sumSquares: task.sumSquares }, task.layout, task.from, task.to);
}
