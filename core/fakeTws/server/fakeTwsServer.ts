import { createServer, type Server, type Socket } from 'node:net';
import { defaultSimulatorConfig, type SimulatorConfig } from '../../config/simulatorSchema';
import type { Bar } from '../../data/BarSeries';
import { GrowingSeries } from '../../data/growingSeries';
import { generateSyntheticMarket } from '../../data/synthetic';
import { createRng } from '../../sim/rng';
import type { FakeTws, FakeTwsFaults, FakeTwsOptions, FakeTwsState } from '../index';
import { Exchange } from '../market/exchange';
import { createIdSource } from '../market/idSource';
import { Market } from '../market/market';
import { encodeFrame, ProtocolError, type Handshake } from '../wire/frames';
import { RequestError } from '../wire/fieldReader';
import { requestIdOf } from '../wire/msgIds';
import { parseRequest } from '../wire/requests';
import { negotiateVersion } from '../wire/versions';
import { errorMessage, managedAccountsMessage, nextValidIdMessage } from '../wire/serverMessages';
import { ibDateTime } from '../wire/values';
import { pushAccountChanges } from './accountFlow';
import type { FaultState, TwsContext } from './context';
import { dispatch } from './dispatch';
import { createFaults, FARM_NOTICES, noFaults, type FaultHost } from './faults';
import { END_OF_DATA_CODE, endOfDataText } from './notices';
import { isLoopbackHost } from './loopback';
import { pushTicks } from './marketDataFlow';
import { sendFill, sendOrderState, sessionsFor } from './orderFlow';
import { pushRealTimeBars } from './realTimeBarsFlow';
import { Session } from './session';
import { snapshotOf } from './snapshot';

class FakeTwsServer implements TwsContext, FaultHost {
  readonly market: Market;
  readonly exchange: Exchange;
  readonly accountId: string;
  readonly sim: SimulatorConfig;
  readonly sessions = new Set<Session>();
  readonly faults: FaultState = noFaults();
  readonly faultsApi: FakeTwsFaults = createFaults(this);
  port = 0;
  private readonly server: Server;
  private readonly logLine: (line: string) => void;
  private readonly clock: () => number;
  /** Highest order id each client used; with idFloor it gives NEXT_VALID_ID. */
  private readonly maxOrderId = new Map<number, number>();
  private idFloor: number;
  private timer: NodeJS.Timeout | null = null;
  /** Set once the replay reached the last bar of its data: clients are told, now and when they connect. */
  private endOfData = false;
  /** Fed live (appendBars) instead of replaying fixed series. */
  private readonly live: boolean;
  private closed = false;

  constructor(
    readonly host: string,
    opts: FakeTwsOptions,
  ) {
    const series = opts.series ?? generateSyntheticMarket({ symbols: 20, years: 10, seed: 1 });
    this.live = opts.live ?? false;
    if (this.live && !series.every((x) => x instanceof GrowingSeries)) throw new Error('fake TWS: a market fed live needs GrowingSeries');
    this.market = new Market(series, opts.startBar);
    this.sim = opts.sim ?? defaultSimulatorConfig();
    this.accountId = opts.accountId ?? 'DU1234567';
    this.idFloor = opts.nextValidId ?? 1;
    this.logLine = opts.log ?? (() => {});
    this.clock = opts.now ?? Date.now;
    this.exchange = new Exchange({
      market: this.market,
      sim: this.sim,
      initialCash: opts.initialCash ?? 1_000_000,
      accountId: this.accountId,
      ids: createIdSource(this.clock()),
      rng: createRng(opts.seed ?? 1),
      now: this.clock,
      listener: {
        orderChanged: (o) => {
          for (const s of sessionsFor(this, o.clientId)) sendOrderState(s, o);
        },
        filled: (e) => {
          for (const s of sessionsFor(this, e.order.clientId)) sendFill(s, e, this.faults);
          pushAccountChanges(this, true);
        },
        orderError: (clientId, orderId, r) => {
          for (const s of sessionsFor(this, clientId)) s.error(orderId, r.code, r.text);
        },
      },
    });
    this.server = createServer((socket) => this.accept(socket));
  }

  // ---- TwsContext ----

  log(line: string): void {
    this.logLine(line);
  }

  now(): number {
    return this.clock();
  }

  nextValidIdFor(clientId: number): number {
    return Math.max(this.idFloor, (this.maxOrderId.get(clientId) ?? 0) + 1);
  }

  noteOrderId(clientId: number, orderId: number): void {
    this.maxOrderId.set(clientId, Math.max(orderId, this.maxOrderId.get(clientId) ?? orderId));
  }

  // ---- FaultHost ----

  rollBackNextValidId(id: number): void {
    this.idFloor = id;
    this.maxOrderId.clear();
  }

  async goDown(ms: number): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await new Promise((resolve) => setTimeout(resolve, ms));
    // close() during the downtime ends it for good.
    if (!this.closed) await this.listen(this.port);
  }

  // ---- FakeTws ----

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.server.once('error', onError);
      this.server.listen({ host: this.host, port, exclusive: true }, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    const addr = this.server.address();
    if (addr === null || typeof addr === 'string') throw new Error('fake TWS: server has no TCP address');
    this.port = addr.port;
  }

  startReplay(barsPerSecond: number): void {
    this.timer = setInterval(() => this.step(1), 1000 / barsPerSecond);
  }

  step(bars = 1): void {
    if (!Number.isInteger(bars) || bars < 0) throw new RangeError(`step: bars must be a non-negative integer, got ${bars}`);
    for (let k = 0; k < bars; k++) {
      if (this.market.atEnd()) return;
      const moved = this.market.step();
      this.exchange.onBars(moved);
      const movedSet = new Set(moved);
      pushTicks(this, movedSet);
      pushRealTimeBars(this, movedSet);
      pushAccountChanges(this, false);
      if (this.market.atEnd()) this.reachEndOfData();
    }
  }

  appendBars(ts: number, bars: ReadonlyMap<string, Bar>): void {
    if (!this.live) throw new Error('fake TWS: appendBars needs a market fed live (startFakeTws with live: true)');
    for (const [symbol, bar] of bars) {
      const inst = this.market.lookup(symbol);
      if (!inst) throw new Error(`fake TWS: unknown symbol ${symbol}`);
      (this.market.series[inst.index] as GrowingSeries).append({ ...bar, ts });
    }
    this.market.extend(ts);
    this.exchange.marketGrew();
    this.step(1);
  }

  /** The last bar was just replayed: log it once and tell every client (a notice, id -1). */
  private reachEndOfData(): void {
    // A market fed live has no end: its last bar is only the latest.
    if (this.live) return;
    this.endOfData = true;
    const text = endOfDataText(this.market.time);
    this.log(`market: ${text}`);
    for (const s of this.sessions) if (s.ready) s.error(-1, END_OF_DATA_CODE, text);
  }

  price(symbol: string): number {
    const inst = this.market.lookup(symbol);
    if (!inst) throw new Error(`fake TWS: unknown symbol ${symbol}`);
    return this.market.last(inst);
  }

  snapshot(): FakeTwsState {
    return snapshotOf(this.exchange, this.market, this.accountId);
  }

  clientCount(): number {
    return this.sessions.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const s of this.sessions) s.drop();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- connections ----

  private accept(socket: Socket): void {
    const label = `client ${socket.remoteAddress}:${socket.remotePort}`;
    if (!isLoopbackHost(socket.remoteAddress ?? '')) {
      this.log(`${label}: refused (not loopback)`);
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    const s = new Session(socket, label);
    this.sessions.add(s);
    this.log(`${label}: connected`);
    socket.on('data', (chunk: Buffer) => this.onData(s, chunk));
    socket.on('error', (err) => this.log(`${s.label}: socket error: ${err.message}`));
    socket.on('close', () => {
      s.markClosed();
      this.sessions.delete(s);
      this.log(`${s.label}: disconnected`);
    });
  }

  private onData(s: Session, chunk: Buffer): void {
    try {
      for (const ev of s.receive(chunk)) {
        if (!s.isOpen) return;
        if (ev.kind === 'handshake') this.onHandshake(s, ev.handshake);
        else this.onMessage(s, ev.fields);
      }
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      this.log(`${s.label}: protocol error, closing: ${err.message}`);
      s.drop();
    }
  }

  private onHandshake(s: Session, hs: Handshake): void {
    const version = negotiateVersion(hs.minVersion, hs.maxVersion);
    if (typeof version === 'string') {
      this.log(`${s.label}: refused: it offers protocol versions ${hs.minVersion}..${hs.maxVersion}, but ${version}; closing`);
      s.drop();
      return;
    }
    s.version = version;
    this.log(`${s.label}: offers versions ${hs.minVersion}..${hs.maxVersion}; speaking version ${version}`);
    s.sendRaw(encodeFrame([version, `${ibDateTime(this.now(), ' ')} UTC`]));
  }

  private onMessage(s: Session, fields: string[]): void {
    let req;
    try {
      req = parseRequest(fields, s.version);
    } catch (err) {
      if (!(err instanceof RequestError)) throw err;
      this.log(`${s.label}: bad request at version ${s.version}: ${err.message}`);
      s.error(requestIdOf(fields), 321, `Error validating request: ${err.message}`);
      return;
    }
    if (s.clientId === null) {
      if (req.type !== 'startApi') {
        this.log(`${s.label}: ${req.type} before START_API ignored`);
        return;
      }
      this.startApi(s, req.clientId);
      return;
    }
    dispatch(this, s, s.clientId, req);
  }

  private startApi(s: Session, clientId: number | null): void {
    if (clientId === null) {
      this.log(`${s.label}: START_API without a client id; closing`);
      s.error(-1, 321, 'Error validating request: START_API needs a client id');
      s.end();
      return;
    }
    const held = [...this.sessions].some((o) => o !== s && o.clientId === clientId && o.isOpen);
    if (this.faults.clientIdInUse.delete(clientId) || held) {
      this.log(`${s.label}: client id ${clientId} is already in use; closing`);
      s.send(errorMessage(-1, 326, 'Unable to connect as the client id is already in use. Retry with a unique client id.'));
      s.end();
      return;
    }
    s.clientId = clientId;
    s.ready = true;
    this.log(`${s.label}: API started with client id ${clientId}`);
    s.send(nextValidIdMessage(this.nextValidIdFor(clientId)));
    s.send(managedAccountsMessage(this.accountId));
    for (const [code, text] of FARM_NOTICES) s.error(-1, code, text);
    if (this.endOfData) s.error(-1, END_OF_DATA_CODE, endOfDataText(this.market.time));
    // A reconnecting client is told about its working orders again, as TWS does after START_API.
    for (const o of this.exchange.working()) if (o.clientId === clientId) sendOrderState(s, o);
  }
}

/** Starts a fake TWS on the loopback interface. */
export async function startFakeTws(opts: FakeTwsOptions = {}): Promise<FakeTws> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`fake TWS: host must be a loopback address (127.0.0.1, ::1, localhost), got "${host}"`);
  const bps = opts.barsPerSecond ?? 0;
  if (!(bps >= 0) || !Number.isFinite(bps)) throw new RangeError(`fake TWS: barsPerSecond must be >= 0, got ${bps}`);
  const tws = new FakeTwsServer(host, opts);
  await tws.listen(opts.port ?? 0);
  if (bps > 0 && opts.live) throw new Error('fake TWS: a market fed live steps with its bars, not at a replay speed');
  if (bps > 0) tws.startReplay(bps);
  return {
    get port() {
      return tws.port;
    },
    host,
    accountId: tws.accountId,
    symbols: tws.market.instruments.map((i) => i.symbol),
    step: (bars) => tws.step(bars),
    price: (symbol) => tws.price(symbol),
    faults: tws.faultsApi,
    snapshot: () => tws.snapshot(),
    appendBars: (ts, bars) => tws.appendBars(ts, bars),
    clientCount: () => tws.clientCount(),
    close: () => tws.close(),
  };
}
