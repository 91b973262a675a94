import { parentPort, workerData } from 'node:worker_threads';
import { parseSpec } from '../../../config/loadSpec';
import { openDatabase } from '../../../store/db';
import { runSpec } from '../../runSpec';
import type { WorkerInput, WorkerMessage } from './messages';

/** Runs one backtest off the engine's main thread, reporting progress and a thinned equity curve. */
async function main(input: WorkerInput): Promise<void> {
  const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
  const cancel = new Int32Array(input.cancel);
  const db = openDatabase(input.dbPath);
  let sent = 0;
  try {
    const spec = parseSpec(input.spec, 'backtest form', input.baseDir);
    const outcome = await runSpec(spec, {
      db,
      onStart: (runId, total) => post({ type: 'start', runId, total }),
      onProgress: (done, total, curve) => {
        // Every k-th new point, and always the latest, so the live chart stays light.
        const step = Math.max(1, Math.ceil((done - sent) / input.pointsPerReport));
        const ts: number[] = [];
        const equity: number[] = [];
        for (let i = sent + step - 1; i < done; i += step) {
          ts.push(curve.ts[i]);
          equity.push(curve.equity[i]);
        }
        if (done > sent && ts[ts.length - 1] !== curve.ts[done - 1]) {
          ts.push(curve.ts[done - 1]);
          equity.push(curve.equity[done - 1]);
        }
        sent = done;
        post({ type: 'progress', done, total, ts, equity });
      },
      shouldCancel: () => Atomics.load(cancel, 0) === 1,
    });
    post({ type: 'done', status: outcome.result.status, error: outcome.result.error ?? null });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
}

await main(workerData as WorkerInput);
