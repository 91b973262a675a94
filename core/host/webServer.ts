import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, MESSAGE_TOO_BIG, tooBigReason } from '../ipc/messageLimit';
import { REFUSED_CLOSE_CODE } from '../ipc/wsClientTransport';
import { requestFrameSchema, type EventFrame, type ResponseFrame } from '../ipc/wire';
import { contentSecurityPolicy, hostAllowed, originAllowed, tokenMatches } from './accessPolicy';
import type { Host } from './createHost';

export interface WebServerOptions {
  host: Host;
  /** The built renderer (index.html and assets/). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Default: 32 random bytes, hex. */
  token?: string;
  /** Largest request frame; default the contract's MAX_MESSAGE_BYTES. */
  maxMessageBytes?: number;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  /** Open WebSocket connections (the status bar's peers). */
  connections(): number;
  /** Drops every WebSocket (tests: the renderer must reconnect by itself). */
  dropConnections(): void;
  close(): Promise<void>;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};


function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/**
 * Web mode: serves the built renderer and the engine's WebSocket on 127.0.0.1 only. The page and
 * the socket need the per-run token; the socket also refuses a foreign Origin, and both refuse a
 * Host header that is not this address (DNS rebinding).
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(32).toString('hex');
  const root = path.resolve(opts.rendererDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`no built renderer at ${root} (index.html missing): run \`npm run build\` first`);
  }
  const { router, bus } = opts.host;
  let port = 0;
  const sockets = new Set<WebSocket>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host, port)) return send(res, 403, 'forbidden host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!tokenMatches(url.searchParams.get('token'), token)) {
        return send(res, 401, 'missing or wrong token: open the address `npm run web` printed');
      }
      res.writeHead(200, {
        'content-type': MIME['.html'],
        'content-security-policy': contentSecurityPolicy(),
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      });
      createReadStream(path.join(root, 'index.html')).pipe(res);
      return;
    }
    // Static assets are the app's public code: served without the token, never outside the folder.
    let file: string;
    try {
      file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    } catch {
      return send(res, 400, 'bad path');
    }
    if (!file.startsWith(`${root}${path.sep}`) || !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, 'not found');
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=3600',
    });
    createReadStream(file).pipe(res);
  });

  const limit = opts.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  // Frames up to twice the limit are read, so that the refusal can say how big they were; ws itself
  // closes the connection (1009, without a reason) on anything larger, before it is buffered.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * limit });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const refuse = (why: string): void => {
      // Completes the handshake only to say why, with a close code the client will not retry.
      wss.handleUpgrade(req, socket, head, (ws) => ws.close(REFUSED_CLOSE_CODE, why));
    };
    if (url.pathname !== '/ws' || !hostAllowed(req.headers.host, port)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    if (!originAllowed(req.headers.origin, port)) return refuse('foreign origin');
    if (!tokenMatches(url.searchParams.get('token'), token)) return refuse('missing or wrong token');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    const off = bus.subscribe((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload } satisfies EventFrame));
    });
    ws.on('message', async (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only');
      const bytes = rawLength(data);
      if (bytes > limit) return ws.close(MESSAGE_TOO_BIG, tooBigReason(bytes, limit));
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return ws.close(1007, 'frames must be JSON');
      }
      const parsed = requestFrameSchema.safeParse(frame);
      if (!parsed.success) return ws.close(1007, 'malformed request frame');
      const result = await router.call(parsed.data.method, parsed.data.input);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: parsed.data.id, result } satisfies ResponseFrame));
    });
    ws.on('close', () => {
      off();
      sockets.delete(ws);
    });
    // Over ws's own cap the close frame (1009) is already on its way: let it reach the client.
    ws.on('error', (err: Error & { code?: string }) => {
      if (err.code !== 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') ws.terminate();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    connections: () => sockets.size,
    dropConnections: () => {
      for (const ws of sockets) ws.terminate();
    },
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Bytes in a received message, however ws handed it over. */
function rawLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}
