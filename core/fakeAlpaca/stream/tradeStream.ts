import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import type { FaultState } from '../server/faults';
import type { Json } from '../wire/tradingJson';

/**
 * The trading API's `trade_updates` WebSocket (JSON frames). Clients authenticate with
 * {"action":"authenticate","data":{"key_id","secret_key"}} (or the newer {"action":"auth","key","secret"}),
 * then {"action":"listen","data":{"streams":["trade_updates"]}}.
 */
const messageSchema = z.union([
  z.object({ action: z.literal('authenticate'), data: z.object({ key_id: z.string(), secret_key: z.string() }) }),
  z.object({ action: z.literal('auth'), key: z.string(), secret: z.string() }),
  z.object({ action: z.literal('listen'), data: z.object({ streams: z.array(z.string()) }) }),
]);

interface Client {
  ws: WebSocket;
  authed: boolean;
  listening: boolean;
}

export interface TradeStreamOptions {
  keyId: string;
  secretKey: string;
  faults: FaultState;
  log(line: string): void;
}

export class TradeStream {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly clients = new Set<Client>();

  constructor(private readonly opts: TradeStreamOptions) {}

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** One trade update to every listening client (twice under the duplicate fault); may drop them after it. */
  publish(data: { [key: string]: Json }): void {
    const listeners = [...this.clients].filter((c) => c.listening);
    if (listeners.length === 0) return;
    const text = JSON.stringify({ stream: 'trade_updates', data });
    for (const c of listeners) {
      c.ws.send(text);
      if (this.opts.faults.duplicateEvents) c.ws.send(text);
    }
    const f = this.opts.faults;
    if (f.dropTradeStreamAfter !== null && --f.dropTradeStreamAfter <= 0) {
      f.dropTradeStreamAfter = null;
      this.dropAll();
    }
  }

  /** Closes every socket without a close handshake, as a network drop does. */
  dropAll(): void {
    this.opts.log(`fault: dropping ${this.clients.size} trade stream socket(s)`);
    for (const c of this.clients) c.ws.terminate();
    this.clients.clear();
  }

  listenerCount(): number {
    return [...this.clients].filter((c) => c.listening).length;
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.ws.terminate();
    this.clients.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    const client: Client = { ws, authed: false, listening: false };
    this.clients.add(client);
    ws.on('close', () => this.clients.delete(client));
    ws.on('error', () => this.clients.delete(client));
    ws.on('message', (raw) => this.onMessage(client, raw));
  }

  private send(c: Client, body: Json): void {
    c.ws.send(JSON.stringify(body));
  }

  private onMessage(c: Client, raw: RawData): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(raw as Buffer[]).toString('utf8'));
    } catch {
      this.send(c, { action: 'error', data: { error_message: 'invalid syntax: the message is not JSON' } });
      return;
    }
    const m = messageSchema.safeParse(parsed);
    if (!m.success) {
      this.send(c, { action: 'error', data: { error_message: 'invalid message: expected authenticate, auth or listen' } });
      return;
    }
    const msg = m.data;
    if (msg.action === 'listen') {
      if (!c.authed) {
        this.send(c, { stream: 'authorization', data: { action: 'listen', status: 'unauthorized' } });
        return;
      }
      c.listening = msg.data.streams.includes('trade_updates');
      this.send(c, { stream: 'listening', data: { streams: c.listening ? ['trade_updates'] : [] } });
      return;
    }
    const [key, secret] = msg.action === 'authenticate' ? [msg.data.key_id, msg.data.secret_key] : [msg.key, msg.secret];
    c.authed = key === this.opts.keyId && secret === this.opts.secretKey;
    this.send(c, { stream: 'authorization', data: { action: 'authenticate', status: c.authed ? 'authorized' : 'unauthorized' } });
    if (!c.authed) {
      this.opts.log('trade stream: authentication refused');
      c.ws.close(1008, 'unauthorized');
    }
  }
}
