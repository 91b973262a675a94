import { z } from 'zod';
import type { FakeAlpacaFaults } from '../types';

/** Armed REST faults: each counts down over the requests it hits. */
export interface HttpFault {
  remaining: number;
  /** Only requests whose path starts with this; null = every REST request. */
  path: string | null;
}

export interface FaultState {
  rateLimit: (HttpFault & { retryAfterSeconds: number }) | null;
  serverError: (HttpFault & { status: 500 | 503 }) | null;
  loseNextOrderResponse: boolean;
  rejectNextOrder: boolean;
  duplicateEvents: boolean;
  /** Trade-stream events still to send before every trade socket is closed; null = no drop armed. */
  dropTradeStreamAfter: number | null;
}

export function noFaults(): FaultState {
  return { rateLimit: null, serverError: null, loseNextOrderResponse: false, rejectNextOrder: false, duplicateEvents: false, dropTradeStreamAfter: null };
}

/** What the faults act on, beyond their own state. */
export interface FaultHost {
  readonly faultState: FaultState;
  dropTradeSockets(): void;
  dropDataSockets(): void;
  setFillDelay(delay: { ms: number; steps: number } | null): void;
  resetAccount(): void;
}

const count = z.number().int().min(1).max(1_000_000).default(1);
const path = z.string().startsWith('/').optional();

/** POST /_fake/faults: one fault per request, named by `fault`. */
export const faultRequestSchema = z.discriminatedUnion('fault', [
  z.object({ fault: z.literal('rate_limit'), count, retry_after_seconds: z.number().int().min(0).max(3600).default(1), path }).strict(),
  z.object({ fault: z.literal('server_error'), count, status: z.union([z.literal(500), z.literal(503)]).default(500), path }).strict(),
  z.object({ fault: z.literal('drop_trade_stream'), after_events: z.number().int().min(0).default(0) }).strict(),
  z.object({ fault: z.literal('drop_data_stream') }).strict(),
  z.object({ fault: z.literal('duplicate_events'), on: z.boolean().default(true) }).strict(),
  z.object({ fault: z.literal('delay_fills'), ms: z.number().int().min(0).default(0), steps: z.number().int().min(0).default(0) }).strict(),
  z.object({ fault: z.literal('lose_next_order_response') }).strict(),
  z.object({ fault: z.literal('reject_next_order') }).strict(),
  z.object({ fault: z.literal('reset_account') }).strict(),
  z.object({ fault: z.literal('clear') }).strict(),
]);
export type FaultRequest = z.infer<typeof faultRequestSchema>;

export function createFaults(host: FaultHost): FakeAlpacaFaults {
  const s = host.faultState;
  return {
    rateLimit(n = 1, opts = {}) {
      s.rateLimit = { remaining: n, path: opts.path ?? null, retryAfterSeconds: opts.retryAfterSeconds ?? 1 };
    },
    serverError(n = 1, opts = {}) {
      s.serverError = { remaining: n, path: opts.path ?? null, status: opts.status ?? 500 };
    },
    dropTradeStream(afterEvents = 0) {
      if (afterEvents > 0) {
        s.dropTradeStreamAfter = afterEvents;
        return;
      }
      s.dropTradeStreamAfter = null;
      host.dropTradeSockets();
    },
    dropDataStream() {
      host.dropDataSockets();
    },
    duplicateEvents(on = true) {
      s.duplicateEvents = on;
    },
    delayFills(delay) {
      const ms = delay?.ms ?? 0;
      const steps = delay?.steps ?? 0;
      host.setFillDelay(ms > 0 || steps > 0 ? { ms, steps } : null);
    },
    loseNextOrderResponse() {
      s.loseNextOrderResponse = true;
    },
    rejectNextOrder() {
      s.rejectNextOrder = true;
    },
    resetAccount() {
      host.resetAccount();
    },
    clear() {
      Object.assign(s, noFaults());
      host.setFillDelay(null);
    },
  };
}

/** Arms the fault a control request names. */
export function applyFaultRequest(faults: FakeAlpacaFaults, r: FaultRequest): void {
  switch (r.fault) {
    case 'rate_limit':
      return faults.rateLimit(r.count, { retryAfterSeconds: r.retry_after_seconds, path: r.path });
    case 'server_error':
      return faults.serverError(r.count, { status: r.status, path: r.path });
    case 'drop_trade_stream':
      return faults.dropTradeStream(r.after_events);
    case 'drop_data_stream':
      return faults.dropDataStream();
    case 'duplicate_events':
      return faults.duplicateEvents(r.on);
    case 'delay_fills':
      return faults.delayFills({ ms: r.ms, steps: r.steps });
    case 'lose_next_order_response':
      return faults.loseNextOrderResponse();
    case 'reject_next_order':
      return faults.rejectNextOrder();
    case 'reset_account':
      return faults.resetAccount();
    case 'clear':
      return faults.clear();
  }
}

/** The armed REST fault a request hits, if any (and counts it down). */
export function takeHttpFault(s: FaultState, pathname: string, nowMs: number): { status: number; headers: Record<string, string>; code: number; message: string } | null {
  const hits = (f: HttpFault | null): boolean => f !== null && f.remaining > 0 && (f.path === null || pathname.startsWith(f.path));
  if (hits(s.rateLimit) && s.rateLimit) {
    const f = s.rateLimit;
    f.remaining--;
    if (f.remaining === 0) s.rateLimit = null;
    const headers = {
      'Retry-After': String(f.retryAfterSeconds),
      'X-RateLimit-Limit': '200',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(Math.ceil(nowMs / 1000) + f.retryAfterSeconds),
    };
    return { status: 429, headers, code: 42910000, message: 'rate limit exceeded' };
  }
  if (hits(s.serverError) && s.serverError) {
    const f = s.serverError;
    f.remaining--;
    if (f.remaining === 0) s.serverError = null;
    return f.status === 503
      ? { status: 503, headers: {}, code: 50310000, message: 'service unavailable' }
      : { status: 500, headers: {}, code: 50010000, message: 'internal server error' };
  }
  return null;
}
