import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWsTransport } from '../ipc/wsClientTransport';
import { ApiClient } from '../ipc/client';
import { eventually, nodeWebSocket, startTestHost, type TestHost } from './testing';

function get(port: number, pathAndQuery: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathAndQuery, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a raw socket and reports how the server ended it. */
function wsOutcome(url: string, headers: Record<string, string> = {}): Promise<{ opened: boolean; code: number; reason: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    let opened = false;
    ws.on('open', () => {
      opened = true;
    });
    ws.on('close', (code, reason) => resolve({ opened, code, reason: reason.toString() }));
    ws.on('unexpected-response', (_req, res) => resolve({ opened: false, code: res.statusCode ?? 0, reason: 'http' }));
    ws.on('error', () => undefined);
  });
}

describe('web mode server', () => {
  let t: TestHost;
  let port: number;
  let token: string;
  beforeAll(async () => {
    t = await startTestHost('ws');
    port = t.server?.port as number;
    token = t.server?.token as string;
  });
  afterAll(async () => t?.close());

  it('binds loopback and prints a URL with the token', () => {
    expect(t.server?.url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the page only with the right token, with a strict CSP', async () => {
    expect((await get(port, '/')).status).toBe(401);
    expect((await get(port, `/?token=${token.slice(0, -1)}x`)).status).toBe(401);
    const ok = await get(port, `/?token=${token}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('<title>tradedesk</title>');
    expect(String(ok.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('refuses a rebound Host header and paths outside the renderer', async () => {
    expect((await get(port, `/?token=${token}`, `evil.example:${port}`)).status).toBe(403);
    expect((await get(port, '/../../etc/passwd')).status).toBe(404);
    expect((await get(port, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get(port, '/%E0%A4%A')).status).toBe(400);
  });

  it('refuses a WebSocket with a missing or wrong token, or a foreign Origin', async () => {
    const base = `ws://127.0.0.1:${port}/ws`;
    expect(await wsOutcome(base)).toMatchObject({ code: 4401, reason: 'missing or wrong token' });
    expect(await wsOutcome(`${base}?token=nope`)).toMatchObject({ code: 4401 });
    expect(await wsOutcome(`${base}?token=${token}`, { origin: 'https://evil.example' })).toMatchObject({ code: 4401, reason: 'foreign origin' });
    expect(await wsOutcome(`${base}?token=${token}`, { origin: `http://127.0.0.1:${port + 1}` })).toMatchObject({ code: 4401 });
    const good = new WebSocket(`${base}?token=${token}`, { headers: { origin: `http://127.0.0.1:${port}` } });
    await new Promise((resolve, reject) => {
      good.on('open', resolve);
      good.on('close', reject);
    });
    good.close();
  });

  it('closes a connection that sends garbage instead of a request frame', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.send('{"id": "x"}');
    expect(await closed).toBe(1007);
  });

  it('the client transport reconnects by itself after the connection drops', async () => {
    const states: string[] = [];
    const transport = createWsTransport({ url: `ws://127.0.0.1:${port}/ws?token=${token}`, create: (u) => nodeWebSocket(u), minDelayMs: 20 });
    transport.onState((s) => states.push(s));
    const client = new ApiClient(transport);
    await eventually(() => transport.state === 'open', 'the connection', 10_000);
    t.server?.dropConnections();
    await eventually(() => states.includes('reconnecting'), 'reconnecting', 10_000);
    await eventually(() => transport.state === 'open', 'the connection', 10_000);
    expect((await client.call('system.info', {})).transport).toBe('web');
    transport.close();
  });

  it('a refused client stops retrying and says why', async () => {
    let refused = '';
    const transport = createWsTransport({ url: `ws://127.0.0.1:${port}/ws?token=wrong`, create: (u) => nodeWebSocket(u), onRefused: (r) => (refused = r) });
    await eventually(() => refused !== '', 'the refusal', 10_000);
    expect(refused).toBe('missing or wrong token');
    expect(transport.state).toBe('closed');
  });
});
