import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Bar } from '../../data/BarSeries';
import { barFields, isoTime, quoteAround, quoteFields, tradeFields } from '../wire/marketJson';
import { msgpackDecode, msgpackEncode, type MsgValue } from '../wire/msgpack';

/**
 * The market-data WebSocket (/v2/iex, /v2/sip). Like Alpaca's, it speaks msgpack to a client whose
 * upgrade request says `Content-Type: application/msgpack` (the official SDK does) and JSON otherwise.
 * Every message is an array of frames; trades, quotes and bars are sent for each new bar.
 */
const CHANNELS = ['trades', 'quotes', 'bars'] as const;
type Channel = (typeof CHANNELS)[number];
/** Channels Alpaca has that the fake accepts but never fills. */
const QUIET = ['updatedBars', 'dailyBars', 'statuses', 'lulds', 'corrections', 'cancelErrors'] as const;

const symbols = z.array(z.string()).optional();
const messageSchema = z.union([
  z.object({ action: z.literal('auth'), key: z.string(), secret: z.string() }),
  z.object({ action: z.enum(['subscribe', 'unsubscribe']), trades: symbols, quotes: symbols, bars: symbols }).loose(),
]);

interface Client {
  ws: WebSocket;
  msgpack: boolean;
  authed: boolean;
  subs: Record<Channel, Set<string>>;
}

export interface DataStreamOptions {
  keyId: string;
  secretKey: string;
  spreadBps: number;
  log(line: string): void;
}

export interface BarUpdate {
  symbol: string;
  bar: Bar;
  /** Sequence number of the bar in its series: the latest trade's id. */
  seq: number;
}

export class DataStream {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly clients = new Set<Client>();

  constructor(private readonly opts: DataStreamOptions) {}

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const msgpack = (req.headers['content-type'] ?? '').includes('application/msgpack');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, msgpack));
  }

  /** The new bars of one market step, as t, q and b frames to the clients subscribed to each. */
  publish(updates: readonly BarUpdate[]): void {
    for (const c of this.clients) {
      if (!c.authed) continue;
      const frames: { [key: string]: MsgValue }[] = [];
      const time = c.msgpack ? (ms: number): MsgValue => new Date(ms) : isoTime;
      for (const u of updates) {
        const { bar, symbol } = u;
        if (this.wants(c, 'trades', symbol)) frames.push({ T: 't', S: symbol, ...tradeFields(bar.close, 100, u.seq, bar.ts, time) });
        if (this.wants(c, 'quotes', symbol)) frames.push({ T: 'q', S: symbol, ...quoteFields(quoteAround(bar.close, this.opts.spreadBps), bar.ts, time) });
        if (this.wants(c, 'bars', symbol)) frames.push({ T: 'b', S: symbol, ...barFields(bar, time) });
      }
      if (frames.length > 0) this.send(c, frames);
    }
  }

  /** Closes every market-data socket now (the dropDataStream fault). */
  dropAll(): void {
    this.opts.log(`data stream: dropping ${this.clients.size} connection(s)`);
    for (const c of this.clients) c.ws.terminate();
    this.clients.clear();
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.ws.terminate();
    this.clients.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private wants(c: Client, channel: Channel, symbol: string): boolean {
    return c.subs[channel].has(symbol) || c.subs[channel].has('*');
  }

  private accept(ws: WebSocket, msgpack: boolean): void {
    const client: Client = { ws, msgpack, authed: false, subs: { trades: new Set(), quotes: new Set(), bars: new Set() } };
    this.clients.add(client);
    ws.on('close', () => this.clients.delete(client));
    ws.on('error', () => this.clients.delete(client));
    ws.on('message', (raw, isBinary) => this.onMessage(client, raw, isBinary));
    this.send(client, [{ T: 'success', msg: 'connected' }]);
  }

  private send(c: Client, frames: MsgValue[]): void {
    c.ws.send(c.msgpack ? msgpackEncode(frames) : JSON.stringify(frames));
  }

  private error(c: Client, code: number, msg: string): void {
    this.send(c, [{ T: 'error', code, msg }]);
  }

  private onMessage(c: Client, raw: RawData, isBinary: boolean): void {
    const buf = Buffer.isBuffer(raw) ? raw : Buffer.concat(raw as Buffer[]);
    let parsed: unknown;
    try {
      parsed = isBinary && c.msgpack ? msgpackDecode(buf) : JSON.parse(buf.toString('utf8'));
    } catch {
      this.error(c, 400, 'invalid syntax');
      return;
    }
    const m = messageSchema.safeParse(parsed);
    if (!m.success) {
      this.error(c, 400, 'invalid syntax');
      return;
    }
    const msg = m.data;
    if (msg.action === 'auth') {
      if (c.authed) {
        this.error(c, 403, 'already authenticated');
        return;
      }
      if (msg.key !== this.opts.keyId || msg.secret !== this.opts.secretKey) {
        this.opts.log('data stream: authentication refused');
        this.error(c, 402, 'auth failed');
        c.ws.close(1008, 'auth failed');
        return;
      }
      c.authed = true;
      this.send(c, [{ T: 'success', msg: 'authenticated' }]);
      return;
    }
    if (!c.authed) {
      this.error(c, 401, 'not authenticated');
      return;
    }
    for (const ch of CHANNELS) {
      const asked = msg[ch] ?? [];
      for (const s of asked) {
        if (msg.action === 'subscribe') c.subs[ch].add(s.toUpperCase());
        else c.subs[ch].delete(s.toUpperCase());
      }
      for (const s of asked) this.opts.log(`data stream: ${msg.action} ${ch} ${s}`);
    }
    const reply: { [key: string]: MsgValue } = { T: 'subscription' };
    for (const ch of CHANNELS) reply[ch] = [...c.subs[ch]];
    for (const ch of QUIET) reply[ch] = [];
    this.send(c, [reply]);
  }
}
