/**
 * The engine's one structured log. Code logs through `logFor(component)`; where the lines go is set once
 * per process by whoever runs the engine (the host opens the rotated file in the data directory, see
 * logFile.ts). Until then lines go nowhere: a test or a CLI backtest never writes into the user's data
 * directory, and this module loads no logging library, so a cold start stays fast.
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Extra structured fields of a line (ids, codes, counts); plain JSON values. */
export type LogFields = Record<string, unknown>;

export interface Log {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Where lines go: one call per line, with the component that logged it. */
export type LogSink = (level: LogLevel, component: string, msg: string, fields: LogFields | undefined) => void;

const silent: LogSink = () => undefined;
let sink: LogSink = silent;

/** Routes every line of this process to `next`; answers a function that restores the previous sink, if `next` is still the current one. */
export function setLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    if (sink === next) sink = previous;
  };
}

/** A logger for one part of the engine ('host', 'jobs', 'ib', 'ipc', ...); it writes to whatever sink is current at each call. */
export function logFor(component: string): Log {
  return {
    debug: (msg, fields) => sink('debug', component, msg, fields),
    info: (msg, fields) => sink('info', component, msg, fields),
    warn: (msg, fields) => sink('warn', component, msg, fields),
    error: (msg, fields) => sink('error', component, msg, fields),
  };
}

/** An error as log fields: its message (and code, when it has one), never a stack for the log view. */
export function errorFields(err: unknown): LogFields {
  if (!(err instanceof Error)) return { err: String(err) };
  const code = (err as { code?: unknown }).code;
  return code === undefined ? { err: err.message } : { err: err.message, code };
}
