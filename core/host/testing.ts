import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { ApiClient, type Transport } from '../ipc/client';
import { createInProcessTransport } from '../ipc/inProcessTransport';
import { createWsTransport, type WebSocketLike } from '../ipc/wsClientTransport';
import { createHost, type Host } from './createHost';
import { startWebServer, type WebServer } from './webServer';

export { eventually } from '../testing/eventually';

export interface TestHost {
  host: Host;
  dataDir: string;
  client: ApiClient;
  server?: WebServer;
  close(): Promise<void>;
}

/** A Node WebSocket shaped like the browser's, for the client transport. */
export const nodeWebSocket = (url: string, headers?: Record<string, string>): WebSocketLike =>
  new WebSocket(url, { headers }) as unknown as WebSocketLike;

/** A real host on a temp data dir, reached in-process or over a real WebSocket on 127.0.0.1. */
export async function startTestHost(transport: 'in-process' | 'ws'): Promise<TestHost> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tradedesk-host-'));
  const host = await createHost({ dataDir, transport: transport === 'ws' ? 'web' : 'in-process', logError: () => undefined });
  let server: WebServer | undefined;
  let t: Transport;
  if (transport === 'ws') {
    const rendererDir = path.join(dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>tradedesk</title>');
    server = await startWebServer({ host, rendererDir });
    t = createWsTransport({ url: `ws://127.0.0.1:${server.port}/ws?token=${server.token}`, create: (u) => nodeWebSocket(u), minDelayMs: 20 });
    await new Promise<void>((resolve) => {
      if (t.state === 'open') return resolve();
      const off = t.onState((s) => {
        if (s === 'open') {
          off();
          resolve();
        }
      });
    });
  } else {
    t = createInProcessTransport(host.router, host.bus);
  }
  return {
    host,
    dataDir,
    client: new ApiClient(t),
    server,
    async close() {
      t.close();
      await server?.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
