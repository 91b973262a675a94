/** What the job queue hands a backtest worker. */
export interface WorkerInput {
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
