import { statSync } from 'node:fs';
import { openDatabase } from '../../../store/db';
import type { BarSeries } from '../../../data/BarSeries';
import { loadSpecData } from '../../loadSpecData';
import { Evaluator } from '../evaluator';
import { sessionReturns } from '../../../backtest/metricsSeries';
import { periodsPerYear } from '../../../backtest/runner';
import { pboPartOfBlocks as scorePairs, type PboPart } from '../../../research/stats/pbo';
import { trialStats } from '../../../research/trialStats';
import { CLAIM_NEXT, CLAIM_STOP, type PboTask, type RowsMessage, type SweepTask } from './messages';

/** Data a worker has loaded, by what it was loaded from: the pool's next evaluations reuse it instead of reading it again. */
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
  if (task.series !== null) return task.series;
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

/** A worker posts its finished rows once this many are waiting, or once the oldest has waited this long. */
const POST_ROWS = 16;
const POST_MS = 100;

/**
 * A pool worker's task: takes the evaluation's combinations one at a time (see SweepTask), runs each and posts
 * its metrics and returns, until none is left or the evaluation stops. Answers how many it ran.
 */
export default async function runBatch(task: SweepTask): Promise<number> {
  const { claims, combinations, port } = task;
  let ran = 0;
  let pending: RowsMessage = { positions: [], rows: [] };
  let since = 0;
  const post = (): void => {
    if (pending.rows.length === 0) return;
    port.postMessage(pending);
    pending = { positions: [], rows: [] };
  };
  try {
    const series = seriesFor(task);
    const evaluator = new Evaluator(task.spec, series);
    const ppy = periodsPerYear(series);
    while (Atomics.load(claims, CLAIM_STOP) === 0) {
      const at = Atomics.add(claims, CLAIM_NEXT, 1);
      if (at >= combinations.length) break;
      const { index, params } = combinations[at];
      const { result, metrics } = await evaluator.run(params, task.window);
      if (pending.rows.length === 0) since = performance.now();
      pending.positions.push(at);
      pending.rows.push({
        index,
        metrics,
        trial: trialStats(sessionReturns(result.equity)),
        periodsPerYear: ppy,
        ts: task.withEquity ? result.ts : null,
        equity: task.withEquity ? result.equity : null,
      });
      ran++;
      if (pending.rows.length >= POST_ROWS || performance.now() - since >= POST_MS) post();
    }
    post();
  } catch (err) {
    // The evaluation fails with this run: the other workers stop after theirs.
    Atomics.store(claims, CLAIM_STOP, 1);
    throw err;
  } finally {
    // The end of this worker's rows: the caller has them all once it reads this (one port keeps their order).
    port.postMessage(null);
    port.close();
  }
  return ran;
}

/** A pool worker's other task: its share of the sweep's PBO splits, over the block sums the sweep gathered. */
export function pboPart(task: PboTask): PboPart {
  return scorePairs({ sum: task.sum, sumSquares: task.sumSquares }, task.layout, task.from, task.to);
}
