import type { ApiErrorShape } from '../../../ipc/errors';
import type { ImportResult } from '../../../data/import/importBars';
import type { ImportTextInput } from '../../data/schemas';

/** What the job queue hands a backtest worker. */
export interface WorkerInput {
  task?: 'backtest';
  /** The spec as the form or a file gives it (validated again inside the worker). */
  spec: Record<string, unknown>;
  /** Folder relative paths in the spec resolve against. */
  baseDir: string;
  dbPath: string;
  /** Int32 slot 0 becomes 1 when the trader cancels: read between sessions without a message loop. */
  cancel: SharedArrayBuffer;
  /** Largest number of equity points sent per progress report. */
  pointsPerReport: number;
}

export type WorkerMessage =
  | { type: 'start'; runId: string | null; total: number }
  | { type: 'progress'; done: number; total: number; ts: number[]; equity: number[] }
  | { type: 'done'; status: 'completed' | 'cancelled' | 'failed'; error: string | null }
  | { type: 'error'; message: string };

/** Loads a recorded run's market data again (for its price chart), off the engine's event loop. */
export interface SeriesTaskInput {
  task: 'series';
  /** The run's recorded config as spec input. */
  spec: Record<string, unknown>;
  /** Names the run in error messages. */
  what: string;
  baseDir: string;
  dbPath: string;
}

/** One series' bars as columns: what a run's candle chart needs. */
export interface PriceSeries {
  symbol: string;
  ts: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/** Imports uploaded bars into the bar store, off the engine's event loop. */
export interface ImportTaskInput {
  task: 'import';
  input: ImportTextInput;
  dbPath: string;
}

/** A run's execution analytics (core/service/execution), off the engine's event loop: its data is loaded again for the decision closes. */
export interface ExecutionTaskInput extends Omit<SeriesTaskInput, 'task'> {
  task: 'execution';
  runId: string;
}

export type TaskInput = SeriesTaskInput | ImportTaskInput | ExecutionTaskInput;

/** A task's answer: progress reports, then its result or an error (with the ApiError code when it was one). */
export type TaskMessage<R> =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; value: R }
  | { type: 'failed'; error: ApiErrorShape | { code: null; message: string } };

export type SeriesTaskResult = PriceSeries[];
export type ImportTaskResult = ImportResult;
