import type Database from 'better-sqlite3';
import { isTerminal } from '../../domain/orderState';
import { recordDifferences } from '../ib/store/differences';
import type { LiveMode } from '../ib/store/ibStore';
import type { AlpacaBook, AlpacaTracked } from './alpacaBook';
import { AlpacaRequestError, type AlpacaRest } from './alpacaRest';
import type { AlpacaOrderBody, StatusTarget } from './orderMapping';
import type { AlpacaOrder } from './schemas';

/** One POST /v2/orders: a single order, a list's parent with its legs, or an iceberg's slice. */
export interface Placement {
  /** The order the request goes out for (a list's parent, the iceberg). */
  t: AlpacaTracked;
  /** The client_order_id it goes under: the order's ref, or the iceberg slice's. */
  ref: string;
  body: AlpacaOrderBody;
  /** List members that go as legs of the request: they share its fate until Alpaca names them. */
  legs: readonly AlpacaTracked[];
}

export interface PlacementDeps {
  db: Database.Database;
  mode: LiveMode;
  book: AlpacaBook;
  now: () => number;
  log: (level: 'info' | 'warning' | 'error', text: string) => void;
  rest: () => AlpacaRest | null;
  /** How often a 429 on placing an order is waited out (each time checked by client_order_id first). */
  rateLimitedAttempts: number;
  /** Ends the current session so that it reconnects and reconciles (a question that must be answered could not be asked). */
  restartSession: (why: string) => void;
  track: <T>(p: Promise<T>) => Promise<T>;
  /** Alpaca answered about the order (and its legs were linked): what waited for the answer may go. */
  answered: (ts: readonly AlpacaTracked[]) => void;
}

/** A placement on its way, with what withdraws it. */
type Flight = Placement & { controller: AbortController };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Sends placements, each exactly once: a POST that got no answer is looked up by its client_order_id
 * and never sent again (one Alpaca does not know stays unknown for the trader to decide); only a
 * 429, a definite "not taken", is retried, after Retry-After and a look-up that confirms Alpaca does
 * not have it. A placement waiting in this process (the client-side rate limit) can be withdrawn.
 */
export class Placer {
  /** Aborts the POST of a placement still in this process, by its order id. */
  private readonly queued = new Map<string, AbortController>();

  constructor(private readonly d: PlacementDeps) {}

  send(p: Placement): void {
    const f: Flight = { ...p, controller: new AbortController() };
    this.queued.set(p.t.order.id, f.controller);
    void this.d.track(this.place(f).finally(() => this.done(f)));
  }

  /** Whether the POST for this order (a placement's order) is still waiting or running in this process. */
  isQueued(orderId: string): boolean {
    return this.queued.has(orderId);
  }

  /** Stops a queued POST from leaving; false when there is none. */
  withdraw(orderId: string): boolean {
    const c = this.queued.get(orderId);
    c?.abort();
    return c !== undefined;
  }

  private async place(p: Flight): Promise<void> {
    const d = this.d;
    const signal = p.controller.signal;
    const o = p.t.order;
    for (let attempt = 0; ; attempt++) {
      const rest = d.rest();
      if (!rest) return this.fateUnknown(p, 'the connection closed before the order was sent');
      try {
        const a = await rest.placeOrder(p.body, signal);
        d.log('info', `order ${o.id} taken by Alpaca as ${a.id}: ${p.body.side} ${p.body.qty} ${o.instrument} ${p.body.type}${p.body.order_class ? ` (${p.body.order_class})` : ''}`);
        this.answer(p, a);
        return;
      } catch (err) {
        const e = err instanceof AlpacaRequestError ? err : new AlpacaRequestError('network', null, null, message(err));
        if (signal.aborted) return;
        if (p.t.link.leftAt === null) {
          // It never left the process (e.g. its deadline passed in the rate limit): surely not at Alpaca.
          this.settle(p, { status: 'REJECTED', reason: `not sent: ${e.message}` });
          return;
        }
        if (e.ambiguous) return this.resolveByRef(p, e.message);
        if (e.kind !== 'rate_limited' || attempt + 1 >= d.rateLimitedAttempts) {
          this.settle(p, { status: 'REJECTED', reason: e.message });
          return;
        }
        const wait = e.retryAfterMs ?? 1_000;
        d.log('warning', `order ${o.id} was not taken (429, rate limited): checking it by client_order_id after ${wait} ms, then sending it again`);
        await sleep(wait);
        // A 429 says the order was not taken; the look-up makes sure before it goes again.
        const found = await this.lookUp(p);
        if (found === 'found' || found === 'failed') return;
        if (p.t.link.cancelRequested) {
          this.settle(p, { status: 'CANCELLED', reason: 'cancelled before Alpaca took it (it answered 429 and does not have the order)' });
          return;
        }
      }
    }
  }

  /** The placement's POST is over (an iceberg's next slice may be queued under the same order id by then). */
  private done(f: Flight): void {
    if (this.queued.get(f.t.order.id) === f.controller) this.queued.delete(f.t.order.id);
  }

  /** Alpaca's answer (or a look-up's): the order's report, its legs linked by it; the POST is over. */
  private answer(p: Flight, a: AlpacaOrder): void {
    this.done(p);
    this.d.book.applyReport(p.t, a);
    this.d.answered([p.t, ...p.legs]);
  }

  /** The request's outcome for all it carried: the legs first, so that each gets this reason rather than its parent's end. */
  private settle(p: Placement, target: StatusTarget): void {
    for (const t of [...p.legs, p.t]) this.d.book.applyStatus(t, target);
  }

  /** The POST got no answer: its fate is recorded as unknown, then settled by client_order_id. */
  private async resolveByRef(p: Flight, why: string): Promise<void> {
    this.fateUnknown(p, why);
    const found = await this.lookUp(p);
    if (found !== 'absent') return;
    for (const t of [p.t, ...p.legs]) {
      if (isTerminal(t.order.status)) continue;
      // Never sent again: a look-up miss is no proof that Alpaca did not take it; the trader decides.
      t.link.unknown = true;
      t.link.fateUnknown = false;
      this.d.book.touch(t);
      const o = t.order;
      recordDifferences(this.d.db, this.d.mode, this.d.now(), [
        {
          kind: 'unknown_order',
          key: o.id,
          instrument: o.instrument,
          ours: null,
          broker: null,
          detail: `order ${o.id} (${o.side} ${o.quantity}) got no answer and is not known at Alpaca by its client_order_id ${p.ref}: not sent again`,
        },
      ]);
      this.d.log('warning', `order ${o.id} is not known at Alpaca by its client_order_id after a lost answer: not sent again, the trader must decide`);
    }
  }

  private fateUnknown(p: Placement, why: string): void {
    for (const t of [p.t, ...p.legs]) {
      t.link.fateUnknown = true;
      this.d.book.touch(t);
    }
    this.d.log('warning', `order ${p.t.order.id}: ${why}; its fate is unknown until Alpaca is asked by client_order_id (it is never sent twice)`);
  }

  private async lookUp(p: Flight): Promise<'found' | 'absent' | 'failed'> {
    const rest = this.d.rest();
    if (!rest) return 'failed';
    try {
      const a = await rest.orderByClientId(p.ref);
      if (!a) return 'absent';
      this.answer(p, a);
      return 'found';
    } catch (err) {
      const why = `order ${p.t.order.id} could not be looked up by client_order_id: ${message(err)}`;
      // The reconciliation of the next session asks again; the session restarts so that one comes,
      // unless a trade update settled the order meanwhile.
      if (p.t.link.fateUnknown) this.d.restartSession(why);
      else this.d.log('warning', why);
      return 'failed';
    }
  }
}
