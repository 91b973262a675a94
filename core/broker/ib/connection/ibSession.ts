import type { EventEmitter } from 'node:events';
import { EventName, IBApi } from '@stoqey/ib';
import type { z } from 'zod';
import {
  accountValueSchema,
  check,
  commissionReportSchema,
  completedOrderSchema,
  contractDetailsSchema,
  executionSchema,
  historicalBarSchema,
  openOrderSchema,
  orderStatusSchema,
  portfolioSchema,
  positionSchema,
  realTimeBarSchema,
  tickPriceSchema,
} from '../parsing/schemas';
import { guardDecoder, rawErrorMessage } from './decoderGuard';
import type { EventHub, IbEvents } from './eventHub';
import { gateOutgoing, type OutgoingGate } from './outgoingGate';

/** Heartbeat periods a new connection may take to complete the handshake (nextValidId + managedAccounts). */
const HANDSHAKE_HEARTBEATS = 4;

/** What the session tells its owner about the connection itself. */
export interface SessionOwner {
  opened(serverVersion: number): void;
  handshake(kind: 'nextValidId' | 'managedAccounts', accounts: string[]): void;
  closed(reason: string): void;
  /** An adapter-level problem worth the message log (malformed message, decode failure). */
  problem(text: string): void;
}

export interface SessionOptions {
  host: string;
  port: number;
  clientId: number;
  /** Probe with reqCurrentTime after this long without any message, and give up after twice as long. */
  heartbeatMs: number;
  maxReqPerSec: number;
  /** Sees every order as it leaves the client library for the socket, and may hold it back. */
  outgoing: OutgoingGate;
}

/**
 * One TCP session with TWS on its own IBApi. A new session (never a reused IBApi) is made for every
 * connection attempt: @stoqey/ib buffers requests made while disconnected and replays them after the
 * next handshake, so retiring the IBApi with its buffer is what guarantees nothing stale (an order
 * least of all) is ever sent on a later connection. Every event is checked before it reaches the hub.
 */
export class IbSession {
  private readonly api: IBApi;
  private alive = true;
  private handshakeDone = false;
  private gotNextValidId = false;
  private gotAccounts = false;
  private lastIngress: number;
  private readonly openedAt: number;
  private probing = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly opts: SessionOptions,
    private readonly hub: EventHub<IbEvents>,
    private readonly owner: SessionOwner,
    private readonly now: () => number,
  ) {
    this.api = new IBApi({ host: opts.host, port: opts.port, maxReqPerSec: opts.maxReqPerSec });
    this.lastIngress = now();
    this.openedAt = this.lastIngress;
    guardDecoder(this.api, (f) => this.decodeFailed(f.error, f.fields));
    gateOutgoing(this.api, opts.outgoing);
    this.listen();
    this.timer = setInterval(() => this.heartbeat(), Math.max(10, Math.floor(opts.heartbeatMs / 4)));
    this.api.connect(opts.clientId);
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /**
   * Runs `request` on the IBApi only while this session is alive and past the handshake, so nothing
   * is ever queued inside @stoqey/ib for a later connection. Returns false when it was not sent.
   */
  request(request: (api: IBApi) => void): boolean {
    if (!this.alive || !this.handshakeDone) return false;
    request(this.api);
    return true;
  }

  /** Ends the session: the socket closes and the IBApi, with anything it still buffers, is dropped. */
  close(reason: string): void {
    if (!this.alive) return;
    this.alive = false;
    clearInterval(this.timer);
    this.api.removeAllListeners();
    // The dead IBApi may still emit 'error' (e.g. a write to its destroyed socket); EventEmitter throws without a listener.
    this.api.on(EventName.error, () => {});
    this.api.disconnect();
    this.owner.closed(reason);
  }

  private heartbeat(): void {
    if (!this.alive) return;
    if (!this.handshakeDone) {
      // TWS may be showing its "accept incoming connection?" dialog: give it a while, then try afresh.
      if (this.now() - this.openedAt >= HANDSHAKE_HEARTBEATS * this.opts.heartbeatMs) this.close('TWS did not complete the API handshake');
      return;
    }
    const quiet = this.now() - this.lastIngress;
    if (quiet >= 2 * this.opts.heartbeatMs) {
      this.close(`no message from TWS for ${Math.round(quiet / 1000)} s (half-open connection?)`);
    } else if (quiet >= this.opts.heartbeatMs && !this.probing) {
      this.probing = true;
      this.api.reqCurrentTime();
    }
  }

  private decodeFailed(error: unknown, fields: readonly string[] | null): void {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.owner.problem(`TWS sent a message the client library could not decode (${what}): ${fields ? fields.join('|') : '(unknown)'}`);
    // An error message whose JSON part broke the decoder still carries its id, code and text.
    const raw = rawErrorMessage(fields);
    if (raw) this.hub.emit('notice', raw);
  }

  private emitChecked<K extends keyof IbEvents>(event: K, schema: z.ZodType<IbEvents[K]>, value: unknown): void {
    const r = check(schema, value);
    if (r.ok) this.hub.emit(event, r.value);
    else this.owner.problem(`ignored a malformed ${String(event)} from TWS (${r.error})`);
  }

  private markHandshake(kind: 'nextValidId' | 'managedAccounts', accounts: string[]): void {
    if (kind === 'nextValidId') this.gotNextValidId = true;
    else this.gotAccounts = true;
    this.handshakeDone = this.gotNextValidId && this.gotAccounts;
    this.owner.handshake(kind, accounts);
  }

  private listen(): void {
    // IBApi's typed overloads cover one event each; the guarded wrapper is registered through EventEmitter's.
    const emitter = this.api as unknown as EventEmitter;
    const on = (event: EventName, fn: (...args: never[]) => void): void => {
      emitter.on(event, (...args: unknown[]) => {
        if (!this.alive) return;
        try {
          fn(...(args as never[]));
        } catch (err) {
          this.owner.problem(`handling ${event} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      });
    };
    on(EventName.received, () => {
      this.lastIngress = this.now();
      this.probing = false;
    });
    on(EventName.server, (version: number) => this.owner.opened(version));
    on(EventName.disconnected, () => this.close('connection closed by TWS'));
    on(EventName.error, (err: Error | undefined, code: number, reqId: number) => {
      this.hub.emit('notice', { code: typeof code === 'number' ? code : -1, text: err?.message ?? String(err), id: typeof reqId === 'number' ? reqId : -1 });
    });
    on(EventName.info, (message: string, code: number) => this.hub.emit('notice', { code, text: String(message), id: -1 }));
    on(EventName.nextValidId, (orderId: number) => {
      if (Number.isInteger(orderId)) this.hub.emit('nextValidId', orderId);
      if (!this.gotNextValidId) this.markHandshake('nextValidId', []);
    });
    on(EventName.managedAccounts, (list: string) => {
      const accounts = String(list).split(',').map((a) => a.trim()).filter((a) => a !== '');
      if (!this.gotAccounts && accounts.length > 0) this.markHandshake('managedAccounts', accounts);
    });
    on(EventName.orderStatus, (orderId, status, filled, remaining, avgFillPrice, permId, _parentId, _lastFill, clientId, whyHeld) =>
      this.emitChecked('orderStatus', orderStatusSchema, { orderId, status, filled, remaining, avgFillPrice, permId, clientId, whyHeld }),
    );
    on(EventName.openOrder, (orderId, contract, order, orderState) => this.emitChecked('openOrder', openOrderSchema, { orderId, contract, order, orderState }));
    on(EventName.openOrderEnd, () => this.hub.emit('openOrderEnd', undefined));
    on(EventName.completedOrder, (contract, order, orderState) => this.emitChecked('completedOrder', completedOrderSchema, { contract, order, orderState }));
    on(EventName.completedOrdersEnd, () => this.hub.emit('completedOrdersEnd', undefined));
    on(EventName.execDetails, (reqId, contract, execution) => this.emitChecked('execution', executionSchema, { reqId, contract, execution }));
    on(EventName.execDetailsEnd, (reqId: number) => this.hub.emit('executionsEnd', reqId));
    on(EventName.commissionReport, (report) => this.emitChecked('commission', commissionReportSchema, report));
    on(EventName.position, (account, contract, pos, avgCost) => this.emitChecked('position', positionSchema, { account, contract, pos, avgCost }));
    on(EventName.positionEnd, () => this.hub.emit('positionEnd', undefined));
    on(EventName.updateAccountValue, (key, value, currency, account) => this.emitChecked('accountValue', accountValueSchema, { key, value, currency, account }));
    on(EventName.updatePortfolio, (contract, position, marketPrice, marketValue, averageCost, unrealizedPNL, realizedPNL, accountName) =>
      this.emitChecked('portfolio', portfolioSchema, { contract, position, marketPrice, marketValue, averageCost, unrealizedPNL, realizedPNL, accountName }),
    );
    on(EventName.accountDownloadEnd, () => this.hub.emit('accountDownloadEnd', undefined));
    on(EventName.historicalData, (reqId: number, time: string, open, high, low, close, volume) => {
      // The end of a request is a pseudo-bar inside the same message: "finished-<start>-<end>".
      if (typeof time === 'string' && time.startsWith('finished')) this.hub.emit('historicalEnd', reqId);
      else this.emitChecked('historicalBar', historicalBarSchema, { reqId, time, open, high, low, close, volume });
    });
    on(EventName.tickPrice, (reqId, field, value) => this.emitChecked('tick', tickPriceSchema, { reqId, field, value }));
    on(EventName.marketDataType, (reqId: number, type: number) => this.hub.emit('marketDataType', { reqId, type }));
    on(EventName.realtimeBar, (reqId, time, open, high, low, close, volume) =>
      this.emitChecked('realTimeBar', realTimeBarSchema, { reqId, time, open, high, low, close, volume }),
    );
    on(EventName.contractDetails, (reqId, details) => this.emitChecked('contractDetails', contractDetailsSchema, { reqId, details }));
    on(EventName.contractDetailsEnd, (reqId: number) => this.hub.emit('contractDetailsEnd', reqId));
  }
}
