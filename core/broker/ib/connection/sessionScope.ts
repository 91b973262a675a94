import type { IBApi } from '@stoqey/ib';
import type { EventHub, IbEvents, IbNotice } from './eventHub';
import type { IbSession } from './ibSession';

/** Thrown when a request or a wait outlives the session it belongs to. */
export class SessionLostError extends Error {
  constructor(what: string) {
    super(`connection to TWS lost while ${what}`);
    this.name = 'SessionLostError';
  }
}

/** TWS answered a request with an error naming it. */
export class IbRequestError extends Error {
  constructor(
    readonly code: number,
    readonly text: string,
    what: string,
  ) {
    super(`${what}: TWS error ${code}: ${text}`);
    this.name = 'IbRequestError';
  }
}

export interface CollectSpec<R extends keyof IbEvents, E extends keyof IbEvents> {
  what: string;
  send: (api: IBApi) => void;
  /** Rows of the answer, and which of them belong to this request. */
  row: R;
  rowMatch: (v: IbEvents[R]) => boolean;
  /** The end marker of the answer. */
  end: E;
  endMatch: (v: IbEvents[E]) => boolean;
  /** Notices that fail the request (typically an error naming its request id). */
  failOn?: (n: IbNotice) => boolean;
  timeoutMs: number;
}

/**
 * Requests bound to one session: a request on a dead session throws instead of being queued, and
 * an answer being collected fails when its session ends or its time runs out, so nothing started on
 * one connection ever completes, or sends anything, on the next.
 */
export class SessionScope {
  private readonly aborts = new Set<(err: Error) => void>();
  private closed = false;

  constructor(
    private readonly session: IbSession,
    private readonly hub: EventHub<IbEvents>,
  ) {}

  get alive(): boolean {
    return !this.closed && this.session.isAlive;
  }

  request(what: string, fn: (api: IBApi) => void): void {
    if (this.closed || !this.session.request(fn)) throw new SessionLostError(what);
  }

  /** Called by the manager when the session ends: every answer still being collected fails. */
  end(): void {
    this.closed = true;
    for (const abort of [...this.aborts]) abort(new SessionLostError('waiting for TWS'));
  }

  /** Sends a request and collects its rows until its end marker. */
  collect<R extends keyof IbEvents, E extends keyof IbEvents>(spec: CollectSpec<R, E>): Promise<IbEvents[R][]> {
    if (!this.alive) return Promise.reject(new SessionLostError(spec.what));
    return new Promise((resolve, reject) => {
      const rows: IbEvents[R][] = [];
      const offs: (() => void)[] = [];
      const finish = (fn: () => void): void => {
        for (const off of offs) off();
        clearTimeout(timer);
        this.aborts.delete(abort);
        fn();
      };
      const abort = (err: Error): void => finish(() => reject(err));
      offs.push(this.hub.on(spec.row, (v) => {
        if (spec.rowMatch(v)) rows.push(v);
      }));
      offs.push(this.hub.on(spec.end, (v) => {
        if (spec.endMatch(v)) finish(() => resolve(rows));
      }));
      const failOn = spec.failOn;
      if (failOn) {
        offs.push(this.hub.on('notice', (n) => {
          if (failOn(n)) abort(new IbRequestError(n.code, n.text, spec.what));
        }));
      }
      const timer = setTimeout(() => abort(new Error(`TWS did not answer in ${spec.timeoutMs} ms: ${spec.what}`)), spec.timeoutMs);
      this.aborts.add(abort);
      try {
        this.request(spec.what, spec.send);
      } catch (err) {
        abort(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }
}
