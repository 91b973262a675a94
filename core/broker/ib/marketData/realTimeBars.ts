import { WhatToShow } from '@stoqey/ib';
import { BarFanOut, type BarListener } from '../../barFanOut';
import { stockContract } from '../parsing/ibOrders';
import type { IbRealTimeBarMsg } from '../parsing/schemas';
import type { EventHub, IbEvents, IbNotice } from '../connection/eventHub';
import { codeMeaning } from '../connection/messageCodes';
import { SessionLostError, type SessionScope } from '../connection/sessionScope';
import type { RequestIds } from '../orders/idAllocator';
import type { IbLogEntry, RealTimeBar, RealTimeBarsError } from '../types';
import { isWarningCode, type ContractRegistry } from './contracts';

/** IB streams real-time bars of 5 seconds only. */
export const REAL_TIME_BAR_SECONDS = 5;

interface Subscription {
  symbol: string;
  /** The symbol's listeners, and the time of the last bar handed on to them. */
  bars: BarFanOut<RealTimeBarsError>;
  /** The live request; null while none is (not connected, looking the symbol up, or refused). */
  reqId: number | null;
  /** The session the live request was made on; null once TWS forgot it (1101). */
  scope: SessionScope | null;
  /** A look-up or request is under way. */
  starting: boolean;
}

export interface RealTimeBarsDeps {
  hub: EventHub<IbEvents>;
  scope: () => SessionScope | null;
  contracts: ContractRegistry;
  reqIds: RequestIds;
  log: (level: IbLogEntry['level'], text: string, id?: number) => void;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Completed 5-second bars (reqRealTimeBars, TRADES, all hours): one IB request per symbol, shared by
 * its listeners, made again with a fresh request id on every new session and after 1101 (TWS forgets
 * subscriptions; an old id draws 322). TWS refusing a request (no permission 354/420/10089, unknown
 * contract 200, pacing 162, not supported 503, ...) is logged with the symbol named and told to the
 * listeners' onError; the symbol is asked for again on the next session. Bars reach this class checked
 * (the session drops malformed ones), in time order: a bar not after the last one handed on is dropped.
 */
export class RealTimeBars {
  private readonly bySymbol = new Map<string, Subscription>();
  private readonly byReqId = new Map<number, Subscription>();

  constructor(private readonly d: RealTimeBarsDeps) {
    d.hub.on('realTimeBar', (b) => this.onBar(b));
    d.hub.on('notice', (n) => this.onNotice(n));
  }

  subscribe(symbol: string, bar: (bar: RealTimeBar) => void, error?: (error: RealTimeBarsError) => void): () => void {
    const listener: BarListener<RealTimeBarsError> = { bar, error };
    let sub = this.bySymbol.get(symbol);
    if (!sub) {
      sub = { symbol, bars: new BarFanOut(symbol, 'real-time bar', this.d.log), reqId: null, scope: null, starting: false };
      this.bySymbol.set(symbol, sub);
    }
    sub.bars.add(listener);
    // A new symbol, or one whose request was refused: (re)try now.
    if (sub.reqId === null && !sub.starting) this.start(sub);
    const s = sub;
    return () => {
      if (!s.bars.remove(listener) || this.bySymbol.get(symbol) !== s) return;
      this.bySymbol.delete(symbol);
      this.stop(s);
    };
  }

  /** A new session, or one that lost its subscriptions (1101): every symbol again, with new ids. */
  renewAll(): void {
    this.byReqId.clear();
    const scope = this.d.scope();
    for (const sub of this.bySymbol.values()) {
      const old = sub.reqId;
      // Asked for on this session and not forgotten by TWS (made during the reconciliation): cancel it, or TWS streams it twice.
      if (old !== null && scope !== null && sub.scope === scope) this.cancel(scope, sub.symbol, old);
      sub.reqId = null;
      sub.scope = null;
      sub.starting = false;
      this.start(sub);
    }
  }

  private start(sub: Subscription): void {
    if (!this.d.scope()) return;
    sub.starting = true;
    this.d.contracts
      .qualify(sub.symbol)
      .then((inst) => {
        if (this.bySymbol.get(sub.symbol) !== sub || !sub.starting) return;
        sub.starting = false;
        const scope = this.d.scope();
        if (!scope || sub.reqId !== null) return;
        const reqId = this.d.reqIds.take();
        sub.reqId = reqId;
        sub.scope = scope;
        this.byReqId.set(reqId, sub);
        scope.request(`requesting real-time bars for ${sub.symbol}`, (api) =>
          api.reqRealTimeBars(reqId, stockContract(inst), REAL_TIME_BAR_SECONDS, WhatToShow.TRADES, false),
        );
      })
      .catch((err: unknown) => {
        if (this.bySymbol.get(sub.symbol) !== sub) return;
        sub.starting = false;
        if (err instanceof SessionLostError) {
          // The next session asks again (renewAll).
          this.d.log('warning', `real-time bars for ${sub.symbol} wait for the next connection: ${messageOf(err)}`);
          return;
        }
        this.fail(sub, null, messageOf(err));
      });
  }

  private stop(sub: Subscription): void {
    sub.starting = false;
    const reqId = sub.reqId;
    if (reqId === null) return;
    this.byReqId.delete(reqId);
    sub.reqId = null;
    const scope = this.d.scope();
    if (scope && sub.scope === scope) this.cancel(scope, sub.symbol, reqId);
    sub.scope = null;
  }

  private cancel(scope: SessionScope, symbol: string, reqId: number): void {
    try {
      scope.request(`cancelling real-time bars for ${symbol}`, (api) => api.cancelRealTimeBars(reqId));
    } catch {
      // The session is gone, and the request with it.
    }
  }

  private onBar(m: IbRealTimeBarMsg): void {
    const sub = this.byReqId.get(m.reqId);
    if (!sub) return;
    const bar: RealTimeBar = { time: m.time * 1000, seconds: REAL_TIME_BAR_SECONDS, open: m.open, high: m.high, low: m.low, close: m.close, volume: m.volume };
    const dropped = sub.bars.deliver(bar);
    if (dropped !== null) this.d.log('warning', dropped, m.reqId);
  }

  /** An error naming a live request: TWS has ended it. 1101: TWS forgot every request (renewAll follows the reconciliation). */
  private onNotice(n: IbNotice): void {
    const meaning = codeMeaning(n.code, n.text);
    if (meaning.kind === 'connectivityRestored' && meaning.dataLost) {
      for (const s of this.bySymbol.values()) s.scope = null;
      return;
    }
    const sub = this.byReqId.get(n.id);
    if (!sub || isWarningCode(n.code)) return;
    this.byReqId.delete(n.id);
    sub.reqId = null;
    sub.scope = null;
    this.fail(sub, n.code, n.text, n.id);
  }

  private fail(sub: Subscription, code: number | null, text: string, reqId?: number): void {
    this.d.log('error', `no real-time bars for ${sub.symbol}${code === null ? '' : ` (${code})`}: ${text}; asked for again on the next connection`, reqId);
    sub.bars.fail({ code, text });
  }
}
