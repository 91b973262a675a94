import type { EventName, EventPayload } from '../core/ipc/contract';
import { EventBus } from '../core/ipc/eventBus';
import type { Router } from '../core/ipc/router';
import type { CallResult } from '../core/ipc/wire';
import { errorFields, logFor, type LogFields, type LogLevel } from '../core/log/log';
import { fromHostSchema, type FromHost, type ToHost } from './hostMessages';
import { answerKeychain, type SafeStorageLike } from './keychain';

/** The part of Electron's UtilityProcess main uses. */
export interface UtilityChild {
  postMessage(message: ToHost): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface HostProcessOptions {
  /** Starts the engine's utility process (`utilityProcess.fork(dist/electron/hostProcess.mjs)`). */
  fork: () => UtilityChild;
  dataDir: string;
  baseDir: string;
  /** Told each time the engine process ends without being asked to, and whether it is being started again. */
  onExit?: (code: number, restarting: boolean) => void;
  /** Restarts after unexpected exits, in all; then calls are refused until the app restarts. */
  maxRestarts?: number;
  /** How long close() waits for the engine to close its store before killing the process. */
  closeTimeoutMs?: number;
  /** Electron's safeStorage, which seals the Alpaca keys the engine keeps (only main may use it); none: nothing is kept. */
  keychain?: SafeStorageLike;
}

const log = logFor('host');

const unavailable = (message: string): CallResult => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

/**
 * Main's handle on the engine host, which runs in its own utility process so a long call there never
 * freezes the windows. It is a Router for the IPC bridge (calls go over the process's port, answers
 * come back by id) and an event bus fed by the host's pushed events. An unexpected exit fails the calls
 * in flight, is reported, and starts the engine again (up to maxRestarts times).
 */
export class HostProcess implements Router {
  readonly bus = new EventBus();
  private child: UtilityChild | null = null;
  private ready = false;
  private closing = false;
  private restarts = 0;
  private seq = 0;
  private readonly pending = new Map<number, (r: CallResult) => void>();
  private started: { resolve: (dbPath: string) => void; reject: (err: Error) => void } | null = null;
  private closed: (() => void) | null = null;

  constructor(private readonly opts: HostProcessOptions) {}

  /** Forks the engine process and resolves with the database path once its host is up; rejects when it cannot start. */
  start(): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.started = { resolve, reject };
      this.spawn();
    });
  }

  call(method: string, input: unknown): Promise<CallResult> {
    const child = this.child;
    if (!child || !this.ready) return Promise.resolve(unavailable('the engine is not running (it is starting or restarting); try again'));
    const id = ++this.seq;
    return new Promise<CallResult>((resolve) => {
      this.pending.set(id, resolve);
      child.postMessage({ type: 'call', id, method, input });
    });
  }

  /**
   * Writes a line of main's into the engine's log file; false when no engine process is there to take it
   * (the caller then keeps it elsewhere). Fields must be plain JSON values.
   */
  forwardLog(level: LogLevel, component: string, msg: string, fields: LogFields | undefined): boolean {
    if (!this.child) return false;
    this.child.postMessage({ type: 'log', level, component, msg, fields });
    return true;
  }

  /** Asks the engine to close its store and waits for it (killing it after closeTimeoutMs). */
  close(): Promise<void> {
    const child = this.child;
    this.closing = true;
    if (!child) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        log.warn('the engine did not close in time; killing it');
        child.kill();
        resolve();
      }, this.opts.closeTimeoutMs ?? 10_000);
      this.closed = () => {
        clearTimeout(timer);
        resolve();
      };
      child.postMessage({ type: 'close' });
    });
  }

  private spawn(): void {
    const child = this.opts.fork();
    this.child = child;
    child.on('message', (raw) => {
      const msg = fromHostSchema.safeParse(raw);
      if (msg.success) this.receive(msg.data);
      else log.warn('dropped a malformed message from the engine process', { issue: msg.error.issues[0]?.message });
    });
    child.on('exit', (code) => this.exited(child, code));
    child.postMessage({ type: 'start', dataDir: this.opts.dataDir, baseDir: this.opts.baseDir });
  }

  private receive(msg: FromHost): void {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.started?.resolve(msg.dbPath);
        this.started = null;
        return;
      case 'start-failed':
        this.started?.reject(new Error(msg.message));
        this.started = null;
        this.closing = true;
        this.child?.kill();
        return;
      case 'result': {
        const resolve = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        resolve?.(msg.result);
        return;
      }
      case 'event':
        this.bus.emit(msg.event as EventName, msg.payload as EventPayload<EventName>);
        return;
      case 'closed':
        this.closed?.();
        this.closed = null;
        return;
      case 'keychain':
        this.child?.postMessage(answerKeychain(this.opts.keychain ?? null, msg));
        return;
    }
  }

  private exited(child: UtilityChild, code: number): void {
    if (child !== this.child) return;
    this.child = null;
    this.ready = false;
    for (const resolve of this.pending.values()) resolve(unavailable(`the engine stopped (exit code ${code}) before answering`));
    this.pending.clear();
    if (this.closing) {
      this.closed?.();
      this.closed = null;
      return;
    }
    if (this.started) {
      this.started.reject(new Error(`the engine process exited (code ${code}) while starting`));
      this.started = null;
      return;
    }
    const restarting = this.restarts < (this.opts.maxRestarts ?? 3);
    log.error(`the engine process exited unexpectedly (code ${code})${restarting ? '; starting it again' : ''}`, { code });
    this.opts.onExit?.(code, restarting);
    if (!restarting) return;
    this.restarts++;
    try {
      this.spawn();
    } catch (err) {
      log.error('the engine process could not be started again', errorFields(err));
    }
  }
}
