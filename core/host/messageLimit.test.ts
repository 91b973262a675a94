import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiClient } from '../ipc/client';
import { createWsTransport } from '../ipc/wsClientTransport';
import { createHost, type Host } from './createHost';
import { eventually, nodeWebSocket } from './testing';
import { startWebServer, type WebServer } from './webServer';

/** A small limit, so that the test frames stay small. */
const LIMIT = 4096;

/** Sends one text frame of exactly `bytes` bytes on a raw socket and reports how the server closed it. */
function closeAfterSending(url: string, bytes: number): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => ws.send('x'.repeat(bytes)));
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on('error', reject);
  });
}

describe('messages over the size limit', () => {
  let dataDir: string;
  let host: Host;
  let server: WebServer;
  let url: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tradedesk-limit-'));
    host = await createHost({ dataDir, transport: 'web', logError: () => undefined });
    const rendererDir = path.join(dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>tradedesk</title>');
    server = await startWebServer({ host, rendererDir, maxMessageBytes: LIMIT });
    url = `ws://127.0.0.1:${server.port}/ws?token=${server.token}`;
  });
  afterAll(async () => {
    await server?.close();
    await host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are refused by the server with 1009 and the size in the reason', async () => {
    expect(await closeAfterSending(url, LIMIT + 1)).toEqual({ code: 1009, reason: `message too big: ${LIMIT + 1} bytes > limit ${LIMIT} bytes` });
  });

  it('far over the limit still get 1009, not a bare 1006, even while the client is still sending', async () => {
    // 16 MB: more than the socket buffers hold, so the refusal arrives mid-send.
    expect((await closeAfterSending(url, 16 * 1024 * 1024)).code).toBe(1009);
  });

  it('fail at the client before being sent, and the connection stays usable', async () => {
    const transport = createWsTransport({ url, create: (u) => nodeWebSocket(u), minDelayMs: 20, maxMessageBytes: LIMIT });
    const client = new ApiClient(transport);
    try {
      await eventually(() => transport.state === 'open', 'the connection', 10_000);
      const big = await transport.request('data.preview', { name: 'BIG.csv', text: 'y'.repeat(LIMIT) });
      expect(big.ok).toBe(false);
      expect(!big.ok && big.error).toEqual({ code: 'BAD_INPUT', message: expect.stringMatching(/^data\.preview: message too big: \d+ bytes > limit 4096 bytes$/) });
      expect(transport.state).toBe('open');
      expect((await client.call('system.info', {})).transport).toBe('web');
    } finally {
      transport.close();
    }
  });

  it('refused by the server fail the call with its reason; the client reconnects and sends nothing again', async () => {
    const transport = createWsTransport({ url, create: (u) => nodeWebSocket(u), minDelayMs: 20, maxMessageBytes: 10 * LIMIT });
    const client = new ApiClient(transport);
    try {
      await eventually(() => transport.state === 'open', 'the connection', 10_000);
      const big = await transport.request('data.preview', { name: 'BIG.csv', text: 'y'.repeat(LIMIT) });
      expect(!big.ok && big.error.message).toMatch(/^the engine refused a request: message too big: \d+ bytes > limit 4096 bytes$/);
      await eventually(() => transport.state === 'open', 'the reconnection', 10_000);
      expect((await client.call('system.info', {})).transport).toBe('web');
    } finally {
      transport.close();
    }
  });
});
