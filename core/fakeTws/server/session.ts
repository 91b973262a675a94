import type { Socket } from 'node:net';
import type { Instrument } from '../model';
import { encodeFrame, FrameReader, type ReaderEvent, type WireField } from '../wire/frames';
import type { RealTimeBarKind } from '../wire/requests';
import { errorMessage } from '../wire/serverMessages';

export interface MarketDataSubscription {
  inst: Instrument;
  /** The market data type in force when it was requested (a later reqMarketDataType affects later requests only). */
  marketDataType: number;
}

export interface RealTimeBarsSubscription {
  inst: Instrument;
  whatToShow: RealTimeBarKind;
}

export interface AccountUpdatesMulti {
  modelCode: string;
  /** Only the ledger values and the net liquidation, as IB sends for ledgerAndNLV=1. */
  ledgerAndNlv: boolean;
}

/**
 * One client connection: its framing, its client id once START_API arrived, and what it subscribed
 * to. Writes go straight to the socket; a half-open session swallows both directions.
 */
export class Session {
  readonly reader = new FrameReader();
  /** Protocol version negotiated in the handshake (0 before it): every message read or written follows it. */
  version = 0;
  /** Set by START_API; null before. */
  clientId: number | null = null;
  ready = false;
  /** Requested market data type (1 live, 2 frozen, 3 delayed, 4 delayed frozen). */
  marketDataType = 1;
  readonly marketData = new Map<number, MarketDataSubscription>();
  /** reqRealTimeBars subscriptions by request id: one bar each per market step of their instrument. */
  readonly realTimeBars = new Map<number, RealTimeBarsSubscription>();
  readonly accountSummaries = new Map<number, readonly string[]>();
  /** reqAccountUpdatesMulti subscriptions by request id. */
  readonly accountUpdatesMulti = new Map<number, AccountUpdatesMulti>();
  accountUpdates = false;
  positions = false;
  /** clientId 0 bound to every order (reqAutoOpenOrders(true)). */
  autoBind = false;
  /** Neither reads nor writes any more, but the socket stays open (the half-open fault). */
  halfOpen = false;
  private closed = false;

  constructor(
    readonly socket: Socket,
    readonly label: string,
  ) {}

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Feeds received bytes to the framer; a half-open session discards them. */
  receive(chunk: Buffer): ReaderEvent[] {
    return this.halfOpen ? [] : this.reader.push(chunk);
  }

  send(fields: readonly WireField[]): void {
    if (this.closed || this.halfOpen) return;
    this.socket.write(encodeFrame(fields));
  }

  /** Raw bytes, for the handshake reply and the malformed-message fault. */
  sendRaw(bytes: Buffer): void {
    if (this.closed || this.halfOpen) return;
    this.socket.write(bytes);
  }

  error(id: number, code: number, text: string): void {
    this.send(errorMessage(id, code, text));
  }

  /** Drops the TCP connection now (no goodbye, like a crashing or restarting TWS). */
  drop(): void {
    this.markClosed();
    this.socket.destroy();
  }

  /** Sends what is queued, then closes (used after the 326 notice). */
  end(): void {
    this.markClosed();
    this.socket.end();
  }

  markClosed(): void {
    this.closed = true;
    this.ready = false;
  }

  /** Connectivity restored with data lost (1101): TWS forgets the subscriptions; the client must renew them. */
  forgetSubscriptions(): void {
    this.marketData.clear();
    this.realTimeBars.clear();
    this.accountSummaries.clear();
    this.accountUpdatesMulti.clear();
    this.accountUpdates = false;
    this.positions = false;
  }
}
