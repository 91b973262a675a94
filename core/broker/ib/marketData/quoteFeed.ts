import { stockContract } from '../parsing/ibOrders';
import type { EventHub, IbEvents, IbNotice } from '../connection/eventHub';
import { codeMeaning } from '../connection/messageCodes';
import type { SessionScope } from '../connection/sessionScope';
import type { RequestIds } from '../orders/idAllocator';
import type { IbLogEntry, Quote } from '../types';
import type { ContractRegistry } from './contracts';

/** IB tick types: live bid/ask/last, and the delayed ones market data type 3/4 uses. */
const FIELD: Record<number, { key: 'bid' | 'ask' | 'last'; delayed: boolean }> = {
  1: { key: 'bid', delayed: false },
  2: { key: 'ask', delayed: false },
  4: { key: 'last', delayed: false },
  66: { key: 'bid', delayed: true },
  67: { key: 'ask', delayed: true },
  68: { key: 'last', delayed: true },
};
/** IB's market data type for delayed data (1 is live, TWS's default). */
const DELAYED = 3;

interface Subscription {
  symbol: string;
  listeners: Set<(q: Quote) => void>;
  quote: Quote;
  reqId: number | null;
  /** The delayed fallback was tried for this subscription on the current session. */
  fellBack: boolean;
}

export interface QuoteFeedDeps {
  hub: EventHub<IbEvents>;
  scope: () => SessionScope | null;
  contracts: ContractRegistry;
  reqIds: RequestIds;
  log: (level: IbLogEntry['level'], text: string, id?: number) => void;
}

/**
 * Quotes for the order ticket: one IB market data line per symbol, shared by its listeners, renewed
 * with fresh ticker ids on every new session and after 1101 (TWS forgets subscriptions; reusing old
 * ids draws 322 "duplicate ticker id"). An account without a live subscription (354, 10089, 10197, ...)
 * is switched to delayed data (reqMarketDataType 3) and the line requested again; quotes say whether
 * they are delayed.
 */
export class QuoteFeed {
  private readonly bySymbol = new Map<string, Subscription>();
  private readonly byReqId = new Map<number, Subscription>();
  /** Once the account proved to lack live data, every later session asks for delayed data first. */
  private preferDelayed = false;

  constructor(private readonly d: QuoteFeedDeps) {
    d.hub.on('tick', (t) => this.onTick(t.reqId, t.field, t.value));
    d.hub.on('marketDataType', (m) => this.onType(m.reqId, m.type));
    d.hub.on('notice', (n) => this.onNotice(n));
  }

  subscribe(symbol: string, listener: (q: Quote) => void): () => void {
    let sub = this.bySymbol.get(symbol);
    if (!sub) {
      sub = { symbol, listeners: new Set(), quote: { last: null, bid: null, ask: null, delayed: false }, reqId: null, fellBack: false };
      this.bySymbol.set(symbol, sub);
      this.start(sub);
    }
    sub.listeners.add(listener);
    const s = sub;
    return () => {
      s.listeners.delete(listener);
      if (s.listeners.size > 0 || this.bySymbol.get(symbol) !== s) return;
      this.bySymbol.delete(symbol);
      this.stop(s);
    };
  }

  /** The latest quote of a subscribed symbol; null when it is not streaming. */
  latest(symbol: string): Quote | null {
    const q = this.bySymbol.get(symbol)?.quote;
    return q ? { ...q } : null;
  }

  /** A new session, or one that lost its subscriptions (1101): every line again, with new ids. */
  renewAll(): void {
    this.byReqId.clear();
    const scope = this.d.scope();
    if (scope && this.preferDelayed) scope.request('requesting delayed market data', (api) => api.reqMarketDataType(DELAYED));
    for (const sub of this.bySymbol.values()) {
      sub.reqId = null;
      sub.fellBack = false;
      this.start(sub);
    }
  }

  private start(sub: Subscription): void {
    if (!this.d.scope()) return;
    this.d.contracts
      .qualify(sub.symbol)
      .then((inst) => {
        const scope = this.d.scope();
        if (!scope || this.bySymbol.get(sub.symbol) !== sub || sub.reqId !== null) return;
        const reqId = this.d.reqIds.take();
        sub.reqId = reqId;
        this.byReqId.set(reqId, sub);
        scope.request(`requesting quotes for ${sub.symbol}`, (api) => api.reqMktData(reqId, stockContract(inst), '', false, false));
      })
      .catch((err: unknown) => this.d.log('warning', `no quotes for ${sub.symbol}: ${err instanceof Error ? err.message : String(err)}`));
  }

  private stop(sub: Subscription): void {
    const reqId = sub.reqId;
    if (reqId === null) return;
    this.byReqId.delete(reqId);
    sub.reqId = null;
    const scope = this.d.scope();
    if (scope) scope.request(`cancelling quotes for ${sub.symbol}`, (api) => api.cancelMktData(reqId));
  }

  private onTick(reqId: number, field: number, value: number): void {
    const sub = this.byReqId.get(reqId);
    const f = FIELD[field];
    if (!sub || !f) return;
    // -1 is IB's "no value" (e.g. no bid outside trading hours).
    sub.quote = { ...sub.quote, [f.key]: value > 0 ? value : null, delayed: f.delayed };
    this.publish(sub);
  }

  private onType(reqId: number, type: number): void {
    const sub = this.byReqId.get(reqId);
    if (!sub) return;
    sub.quote = { ...sub.quote, delayed: type >= DELAYED };
    this.publish(sub);
  }

  private onNotice(n: IbNotice): void {
    const sub = this.byReqId.get(n.id);
    if (!sub) return;
    const meaning = codeMeaning(n.code, n.text);
    if (meaning.kind === 'delayedDataNotice') {
      sub.quote = { ...sub.quote, delayed: true };
      this.publish(sub);
      return;
    }
    if (meaning.kind !== 'marketDataNotPermitted' || sub.fellBack) return;
    const scope = this.d.scope();
    if (!scope) return;
    sub.fellBack = true;
    this.preferDelayed = true;
    this.d.log('warning', `no live market data for ${sub.symbol} (${n.code}): switching to delayed data`, n.id);
    this.byReqId.delete(n.id);
    sub.reqId = null;
    scope.request('requesting delayed market data', (api) => api.reqMarketDataType(DELAYED));
    this.start(sub);
  }

  private publish(sub: Subscription): void {
    const q = { ...sub.quote };
    for (const l of [...sub.listeners]) l(q);
  }
}
