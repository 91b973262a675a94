import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { defaultSimulatorConfig, type SimulatorConfig } from '../../config/simulatorSchema';
import type { BarSeries } from '../../data/BarSeries';
import { loadBarsCsv } from '../../data/csv/loadBarsCsv';
import { generateSyntheticMarket } from '../../data/synthetic';
import { Market } from '../../fakeTws/market/market';
import { createRng } from '../../sim/rng';
import { OrderBook } from '../book/orderBook';
import { controlRoutes } from '../http/controlRoutes';
import { dataRoutes } from '../http/dataRoutes';
import { routeHandler, type Route } from '../http/jsonServer';
import { tradingRoutes } from '../http/tradingRoutes';
import { DEMO_KEY_ID, DEMO_SECRET_KEY, type FakeAlpaca, type FakeAlpacaFaults, type FakeAlpacaOptions, type FakeAlpacaState } from '../types';
import type { AlpacaAsset, FakeAlpacaFill, FakeAlpacaOrder, TradeEvent } from '../model';
import { DataStream } from '../stream/dataStream';
import { TradeStream } from '../stream/tradeStream';
import { tradeUpdateJson } from '../wire/tradingJson';
import type { AlpacaContext } from './context';
import { createFaults, noFaults, takeHttpFault, type FaultHost, type FaultState } from './faults';
import { stateOf } from './state';

const HOST = '127.0.0.1';

/** A stable asset id per symbol, shaped like Alpaca's UUIDs. */
function assetId(symbol: string): string {
  const h = createHash('sha1').update(`fake-alpaca:${symbol}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function marketSeries(opts: FakeAlpacaOptions): BarSeries[] {
  if (opts.series) return opts.series;
  if (opts.csv && opts.csv.length > 0) return opts.csv.map((c) => loadBarsCsv(c.file, { symbol: c.symbol }));
  return generateSyntheticMarket({ symbols: 20, years: 10, seed: 1 });
}

class FakeAlpacaServer implements AlpacaContext, FaultHost {
  readonly market: Market;
  readonly assets: readonly AlpacaAsset[];
  readonly sim: SimulatorConfig;
  readonly accountId = 'a1f4c6d2-7e3b-4c59-9f0a-fa4e5a1ca9a0';
  readonly accountNumber = 'PA3FAKE00001';
  readonly createdAt: number;
  readonly faultState: FaultState = noFaults();
  readonly faults: FakeAlpacaFaults = createFaults(this);
  readonly keyId: string;
  readonly secretKey: string;
  book: OrderBook;
  readonly tradeStream: TradeStream;
  readonly dataStream: DataStream;
  readonly tradingHttp: Server;
  readonly dataHttp: Server;
  private readonly clock: () => number;
  private readonly logLine: (line: string) => void;
  private readonly timers = new Set<NodeJS.Timeout>();
  private replayTimer: NodeJS.Timeout | null = null;
  private previousEquity: number;
  private endLogged = false;

  constructor(private readonly opts: FakeAlpacaOptions) {
    this.market = new Market(marketSeries(opts), opts.startBar);
    this.assets = this.market.instruments.map((i) => ({ id: assetId(i.symbol), symbol: i.symbol, index: i.index }));
    this.sim = opts.sim ?? { ...defaultSimulatorConfig(), commission: { model: 'none' } };
    this.keyId = opts.keyId ?? DEMO_KEY_ID;
    this.secretKey = opts.secretKey ?? DEMO_SECRET_KEY;
    this.clock = opts.now ?? Date.now;
    this.logLine = opts.log ?? (() => {});
    this.createdAt = this.clock();
    this.previousEquity = opts.initialCash ?? 100_000;
    this.book = this.newBook();
    const streamOpts = { keyId: this.keyId, secretKey: this.secretKey, log: (l: string) => this.log(l) };
    this.tradeStream = new TradeStream({ ...streamOpts, faults: this.faultState });
    this.dataStream = new DataStream({ ...streamOpts, spreadBps: this.sim.spread_bps });
    const hooks = { keyId: this.keyId, secretKey: this.secretKey, takeFault: (p: string) => takeHttpFault(this.faultState, p, this.clock()), log: (l: string) => this.log(l) };
    const trading: Route[] = [...controlRoutes(this), ...tradingRoutes(this)];
    this.tradingHttp = createServer(routeHandler(trading, hooks));
    this.dataHttp = createServer(routeHandler(dataRoutes(this), hooks));
    this.tradingHttp.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (pathOf(req) === '/stream') this.tradeStream.upgrade(req, socket, head);
      else refuseUpgrade(socket);
    });
    this.dataHttp.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (/^\/v2\/(iex|sip)$/.test(pathOf(req))) this.dataStream.upgrade(req, socket, head);
      else refuseUpgrade(socket);
    });
  }

  // ---- AlpacaContext ----

  lastEquity(): number {
    return this.previousEquity;
  }

  now(): number {
    return this.clock();
  }

  takeLostOrderResponse(): boolean {
    const lose = this.faultState.loseNextOrderResponse;
    this.faultState.loseNextOrderResponse = false;
    return lose;
  }

  takeRejectOrder(): boolean {
    const reject = this.faultState.rejectNextOrder;
    this.faultState.rejectNextOrder = false;
    return reject;
  }

  step(n = 1): void {
    for (let k = 0; k < n; k++) {
      const equity = this.book.portfolio.equity;
      const moved = this.market.step();
      if (moved.length === 0) {
        if (!this.endLogged) this.log(`the replay reached the end of its data (${new Date(this.market.time).toISOString()}); prices no longer move`);
        this.endLogged = true;
        return;
      }
      this.previousEquity = equity;
      this.book.onBars(moved);
      this.dataStream.publish(
        moved.map((inst) => {
          const bar = this.market.bar(inst);
          if (!bar) throw new Error(`fake Alpaca: ${inst.symbol} moved without a bar`);
          return { symbol: inst.symbol, bar, seq: this.market.barIndex(inst) + 1 };
        }),
      );
    }
  }

  state(): FakeAlpacaState {
    return stateOf(this.book, this.assets, this.market.time);
  }

  log(line: string): void {
    this.logLine(line);
  }

  // ---- FaultHost ----

  dropTradeSockets(): void {
    this.tradeStream.dropAll();
  }

  dropDataSockets(): void {
    this.dataStream.dropAll();
  }

  setFillDelay(delay: { ms: number; steps: number } | null): void {
    this.book.fillDelay = delay;
  }

  resetAccount(): void {
    const delay = this.book.fillDelay;
    this.book = this.newBook();
    this.book.fillDelay = delay;
    this.previousEquity = this.book.portfolio.equity;
    this.log('account reset');
  }

  // ---- lifecycle ----

  async listen(): Promise<void> {
    const clock = this.opts.clock ?? 'manual';
    if (clock !== 'manual' && !(clock.intervalMs > 0)) throw new Error(`fake Alpaca: clock.intervalMs must be > 0, got ${clock.intervalMs}`);
    await listenOn(this.tradingHttp, this.opts.port ?? 0);
    try {
      await listenOn(this.dataHttp, this.opts.dataPort ?? 0);
    } catch (err) {
      await new Promise<void>((resolve) => this.tradingHttp.close(() => resolve()));
      throw err;
    }
    if (clock !== 'manual') this.replayTimer = setInterval(() => this.step(1), clock.intervalMs);
  }

  port(server: Server): number {
    const a = server.address();
    if (a === null || typeof a === 'string') throw new Error('fake Alpaca: server is not listening');
    return a.port;
  }

  async close(): Promise<void> {
    if (this.replayTimer) clearInterval(this.replayTimer);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.tradeStream.close();
    await this.dataStream.close();
    for (const s of [this.tradingHttp, this.dataHttp]) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  }

  private newBook(): OrderBook {
    return new OrderBook({
      market: this.market,
      assets: this.assets,
      sim: this.sim,
      initialCash: this.opts.initialCash ?? 100_000,
      rng: createRng(this.opts.seed ?? 1),
      now: this.clock,
      listener: { event: (e, o, f) => this.onEvent(e, o, f) },
    });
  }

  private onEvent(event: TradeEvent, o: FakeAlpacaOrder, fill: FakeAlpacaFill | null): void {
    this.log(`${event} ${o.side} ${o.qty} ${o.asset.symbol} ${o.type} ${o.id}${fill ? ` ${fill.qty} @ ${fill.price}` : ''}`);
    this.tradeStream.publish(tradeUpdateJson(event, o, fill, this.book, this.clock()));
    // The delayed-fill fault: the order gets its first chance once its delay has run out.
    if (event === 'new' && o.fillNotBeforeMs > 0) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        this.book.retryDelayed();
      }, Math.max(0, o.fillNotBeforeMs - this.clock()) + 1);
      this.timers.add(t);
    }
  }
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://fake-alpaca').pathname;
}

function refuseUpgrade(socket: Duplex): void {
  socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

async function listenOn(server: Server, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: HOST, port, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Starts the fake on 127.0.0.1: a trading server (REST + /stream) and a market-data server (REST + /v2/iex, /v2/sip). */
export async function startFakeAlpaca(opts: FakeAlpacaOptions = {}): Promise<FakeAlpaca> {
  const s = new FakeAlpacaServer(opts);
  await s.listen();
  const tradingPort = s.port(s.tradingHttp);
  const dataPort = s.port(s.dataHttp);
  return {
    tradingBaseUrl: `http://${HOST}:${tradingPort}`,
    dataBaseUrl: `http://${HOST}:${dataPort}`,
    tradingStreamUrl: `ws://${HOST}:${tradingPort}/stream`,
    dataStreamUrl: `ws://${HOST}:${dataPort}`,
    keyId: s.keyId,
    secretKey: s.secretKey,
    symbols: s.assets.map((a) => a.symbol),
    step: (n = 1) => s.step(n),
    price: (symbol) => {
      const asset = s.book.lookup(symbol);
      if (!asset) throw new Error(`fake Alpaca: unknown symbol ${symbol}`);
      return s.book.last(asset);
    },
    faults: s.faults,
    state: () => s.state(),
    close: () => s.close(),
  };
}
