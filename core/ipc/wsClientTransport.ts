import type { ConnectionState, Transport } from './client';
import { MAX_MESSAGE_BYTES, MESSAGE_TOO_BIG, tooBigReason, utf8Length } from './messageLimit';
import { serverFrameSchema, type CallResult } from './wire';

/** The part of the WebSocket API this transport uses: the browser's, or the `ws` package's in Node. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WsTransportOptions {
  url: string;
  create?: WebSocketFactory;
  /** First reconnect delay; doubles up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Close code the server uses to refuse a token or Origin: no point retrying. */
  onRefused?: (reason: string) => void;
  /** Largest request sent; a bigger one fails at once with BAD_INPUT. Default the contract's MAX_MESSAGE_BYTES. */
  maxMessageBytes?: number;
}

const OPEN = 1;
/** Policy violation: the server's answer to a wrong token or a foreign Origin. */
export const REFUSED_CLOSE_CODE = 4401;

/**
 * A WebSocket transport that reconnects by itself with backoff. Calls made while disconnected fail
 * at once with UNAVAILABLE rather than being queued: an order must never be sent twice or late.
 */
export function createWsTransport(opts: WsTransportOptions): Transport {
  const create = opts.create ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const minDelay = opts.minDelayMs ?? 250;
  const maxDelay = opts.maxDelayMs ?? 5000;
  const limit = opts.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  const pending = new Map<number, (r: CallResult) => void>();
  const eventListeners = new Set<(e: string, p: unknown) => void>();
  const stateListeners = new Set<(s: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocketLike | null = null;
  let nextId = 1;
  let delay = minDelay;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const setState = (s: ConnectionState): void => {
    if (s === state) return;
    state = s;
    for (const l of stateListeners) l(s);
  };

  const failPending = (message: string): void => {
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve({ ok: false, error: { code: 'UNAVAILABLE', message } });
    }
  };

  const connect = (): void => {
    const ws = create(opts.url);
    socket = ws;
    ws.onopen = () => {
      delay = minDelay;
      setState('open');
    };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let frame: unknown;
      try {
        frame = JSON.parse(ev.data);
      } catch {
        return;
      }
      const parsed = serverFrameSchema.safeParse(frame);
      if (!parsed.success) return;
      const f = parsed.data;
      if ('id' in f) {
        const resolve = pending.get(f.id);
        pending.delete(f.id);
        resolve?.(f.result);
      } else {
        for (const l of eventListeners) l(f.event, f.payload);
      }
    };
    ws.onerror = () => undefined;
    ws.onclose = (ev) => {
      socket = null;
      // A message over the engine's limit is refused, not lost: the calls in flight fail with the reason,
      // and none is sent again after the reconnect.
      failPending(
        ev.code === MESSAGE_TOO_BIG
          ? `the engine refused a request: ${ev.reason || tooBigReason(null, limit)}`
          : 'the connection to the engine was lost; the call may or may not have been carried out',
      );
      if (closed) return setState('closed');
      if (ev.code === REFUSED_CLOSE_CODE) {
        closed = true;
        setState('closed');
        opts.onRefused?.(ev.reason);
        return;
      }
      setState('reconnecting');
      timer = setTimeout(connect, delay);
      delay = Math.min(maxDelay, delay * 2);
    };
  };
  connect();

  return {
    get state() {
      return state;
    },
    request(method, input) {
      if (!socket || socket.readyState !== OPEN) {
        return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'not connected to the engine' } });
      }
      const id = nextId++;
      const frame = JSON.stringify({ id, method, input: input ?? {} });
      // Three bytes per UTF-16 unit at most: only a long frame needs counting.
      const bytes = frame.length * 3 <= limit ? 0 : utf8Length(frame);
      if (bytes > limit) {
        return Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: `${method}: ${tooBigReason(bytes, limit)}` } });
      }
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        socket?.send(frame);
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close(1000, 'client closed');
      if (!socket) setState('closed');
    },
  };
}
