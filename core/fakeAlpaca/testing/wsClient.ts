import WebSocket from 'ws';
import { msgpackDecode, msgpackEncode, type MsgValue } from '../wire/msgpack';
import { waitFor } from './waitFor';

/** A raw WebSocket client that records every message it receives, decoded (JSON, or msgpack when binary). */
export class WsProbe {
  readonly messages: unknown[] = [];
  closed = false;
  private readonly ws: WebSocket;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (raw, isBinary) => {
      const buf = Buffer.isBuffer(raw) ? raw : Buffer.concat(raw as Buffer[]);
      this.messages.push(isBinary ? msgpackDecode(buf) : JSON.parse(buf.toString('utf8')));
    });
    ws.on('close', () => (this.closed = true));
  }

  static async open(url: string, msgpack = false): Promise<WsProbe> {
    const ws = new WebSocket(url, { headers: msgpack ? { 'Content-Type': 'application/msgpack' } : {} });
    const probe = new WsProbe(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return probe;
  }

  send(v: MsgValue, binary = false): void {
    this.ws.send(binary ? msgpackEncode(v) : JSON.stringify(v));
  }

  /** Waits for the `n`th message (1-based) and answers it. */
  async nth(n: number): Promise<unknown> {
    await waitFor(() => this.messages.length >= n, `message ${n} (got ${JSON.stringify(this.messages)})`);
    return this.messages[n - 1];
  }

  close(): void {
    this.ws.terminate();
  }
}

/** A trade_updates listener, authenticated and listening. */
export async function tradeListener(url: string, keyId: string, secret: string): Promise<WsProbe> {
  const p = await WsProbe.open(url);
  p.send({ action: 'authenticate', data: { key_id: keyId, secret_key: secret } });
  await p.nth(1);
  p.send({ action: 'listen', data: { streams: ['trade_updates'] } });
  await p.nth(2);
  return p;
}

/** The trade_updates events a probe received: [event, order status] pairs. */
export function events(p: WsProbe): { event: string; status: string; data: Record<string, unknown> }[] {
  const out: { event: string; status: string; data: Record<string, unknown> }[] = [];
  for (const m of p.messages) {
    const frame = m as { stream?: string; data?: Record<string, unknown> };
    if (frame.stream !== 'trade_updates' || !frame.data) continue;
    const order = frame.data.order as { status: string };
    out.push({ event: String(frame.data.event), status: order.status, data: frame.data });
  }
  return out;
}
