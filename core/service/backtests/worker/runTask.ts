import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../ipc/errors';
import type { TaskInput, TaskMessage } from './messages';
import { backtestWorkerUrl } from './workerUrl';

/**
 * Runs one heavy call (loading a run's data again, an import) in a worker thread and resolves with its
 * result, so the engine's event loop keeps answering (trading events, the kill switch) meanwhile.
 * An ApiError thrown in the worker is thrown here again with its code.
 */
export function runTask<R>(input: TaskInput, onProgress?: (done: number, total: number) => void, workerUrl: URL = backtestWorkerUrl()): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: input });
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: TaskMessage<R>) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total);
      else if (m.type === 'result') settle(() => resolve(m.value));
      else settle(() => reject(m.error.code === null ? new Error(m.error.message) : new ApiError(m.error.code, m.error.message)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the ${input.task} worker stopped before answering (exit code ${code})`))));
  });
}
