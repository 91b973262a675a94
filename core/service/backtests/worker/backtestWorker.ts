import { parentPort, workerData } from 'node:worker_threads';
import { parseSpec } from '../../../config/loadSpec';
import { openDatabase } from '../../../store/db';
import { runSpec } from '../../runSpec';
import { ApiError } from '../../../ipc/errors';
import { runImport } from './importTask';
import type { TaskInput, TaskMessage, WorkerInput, WorkerMessage } from './messages';
import { executionFromFile, loadPricesFromFile, priceBuffers } from './seriesTask';

/**
 * The engine's worker thread program: one backtest (reporting progress and a thinned equity curve), or one
 * heavy call the engine's event loop must not run itself (see runTask.ts).
 */
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

/** A one-off heavy call of the engine (see runTask.ts): its result, or its error with the ApiError code. */
function task(input: TaskInput): void {
  const post = (m: TaskMessage<unknown>, transfer: ArrayBuffer[] = []): void => parentPort?.postMessage(m, transfer);
  try {
    if (input.task === 'series') {
      const series = loadPricesFromFile(input);
      post({ type: 'result', value: series }, priceBuffers(series));
    } else if (input.task === 'execution') {
      post({ type: 'result', value: executionFromFile(input) });
    } else {
      post({ type: 'result', value: runImport(input, (done, total) => post({ type: 'progress', done, total })) });
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    post({ type: 'failed', error: err instanceof ApiError ? err.toJSON() : { code: null, message } });
  }
}

const input = workerData as WorkerInput | TaskInput;
if (input.task === 'series' || input.task === 'import' || input.task === 'execution') task(input);
else await main(input);
