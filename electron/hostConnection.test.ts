import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHost } from '../core/host/createHost';
import { setLogSink } from '../core/log/log';
import { HostProcess, type UtilityChild } from './hostConnection';
import type { ToHost } from './hostMessages';
import { serveHost } from './hostServer';

/** A utility process that does only what a test tells it: it records what main sent and says what the test makes it say. */
class ScriptedChild extends EventEmitter implements UtilityChild {
  readonly received: ToHost[] = [];
  killed = 0;
  postMessage(message: ToHost): void {
    this.received.push(message);
  }
  kill(): boolean {
    this.killed++;
    setImmediate(() => this.emit('exit', 143));
    return true;
  }
  say(message: unknown): void {
    this.emit('message', message);
  }
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function captureLog(): string[] {
  const lines: string[] = [];
  restore = setLogSink((level, component, msg) => lines.push(`${level} ${component} ${msg}`));
  return lines;
}

describe('HostProcess', () => {
  it('starts the engine with the data folder and resolves with its database once it is ready', async () => {
    const child = new ScriptedChild();
    const engine = new HostProcess({ fork: () => child, dataDir: '/data', baseDir: '/home/me' });
    const started = engine.start();
    expect(child.received).toEqual([{ type: 'start', dataDir: '/data', baseDir: '/home/me' }]);
    child.say({ type: 'ready', dbPath: '/data/tradedesk.db' });
    expect(await started).toBe('/data/tradedesk.db');
  });

  it('refuses calls until ready, and rejects the start when the engine cannot open its store', async () => {
    const child = new ScriptedChild();
    const engine = new HostProcess({ fork: () => child, dataDir: '/data', baseDir: '/' });
    const started = engine.start();
    expect(await engine.call('system.info', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    child.say({ type: 'start-failed', message: 'database is locked' });
    await expect(started).rejects.toThrow('database is locked');
    expect(child.killed).toBe(1);
  });

  it('drops and logs a malformed message from the engine; answers only the call a result names', async () => {
    const lines = captureLog();
    const child = new ScriptedChild();
    const engine = new HostProcess({ fork: () => child, dataDir: '/data', baseDir: '/' });
    const started = engine.start();
    child.say({ type: 'ready', dbPath: '/db' });
    await started;
    const answer = engine.call('system.info', {});
    const sent = child.received.at(-1);
    expect(sent).toMatchObject({ type: 'call', method: 'system.info', input: {} });
    child.say({ type: 'result', id: 'one', result: { ok: true, value: 1 } });
    expect(lines).toEqual([expect.stringMatching(/^warn host dropped a malformed message from the engine process/)]);
    child.say({ type: 'result', id: (sent as { id: number }).id, result: { ok: true, value: { appVersion: 'x' } } });
    expect(await answer).toEqual({ ok: true, value: { appVersion: 'x' } });
  });

  it('kills an engine that does not close in time', async () => {
    captureLog();
    const child = new ScriptedChild();
    const engine = new HostProcess({ fork: () => child, dataDir: '/data', baseDir: '/', closeTimeoutMs: 50 });
    const started = engine.start();
    child.say({ type: 'ready', dbPath: '/db' });
    await started;
    await engine.close();
    expect(child.received.at(-1)).toEqual({ type: 'close' });
    expect(child.killed).toBe(1);
    // Once the process is gone, main's log lines have nowhere to go here (main then writes them to stderr).
    await new Promise((resolve) => setImmediate(resolve));
    expect(engine.forwardLog('info', 'ipc', 'x', undefined)).toBe(false);
  });
});

describe('serveHost', () => {
  it('answers a call before the host is up with UNAVAILABLE, and drops what is not a message of ours', async () => {
    const lines = captureLog();
    const port = new EventEmitter();
    const out: unknown[] = [];
    serveHost({ on: (e, l) => port.on(e, l), postMessage: (m) => out.push(m) }, () => Promise.reject(new Error('unused')));
    port.emit('message', { data: { type: 'call', id: 3, method: 'system.info', input: {} } });
    port.emit('message', { data: { type: 'shutdown-now' } });
    expect(out).toEqual([{ type: 'result', id: 3, result: { ok: false, error: { code: 'UNAVAILABLE', message: 'the engine is not started' } } }]);
    expect(lines).toEqual([expect.stringMatching(/^warn host dropped a malformed message from main/)]);
  });
});

describe('serveHost lifecycle', () => {
  it('closes a host that was still being built when main asked to close, and answers closed once', async () => {
    const port = new EventEmitter();
    const out: { type: string }[] = [];
    let finishBuild: () => void = () => undefined;
    let closedHosts = 0;
    const built = new Promise<void>((resolve) => (finishBuild = resolve));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tradedesk-serve-'));
    serveHost({ on: (e, l) => port.on(e, l), postMessage: (m) => out.push(m) }, async (opts) => {
      await built;
      const host = await createHost(opts);
      const close = host.close.bind(host);
      return Object.assign(host, { close: () => (closedHosts++, close()) });
    });
    try {
      port.emit('message', { data: { type: 'start', dataDir, baseDir: dataDir } });
      port.emit('message', { data: { type: 'start', dataDir, baseDir: dataDir } });
      port.emit('message', { data: { type: 'close' } });
      finishBuild();
      await vi.waitFor(() => expect(out.map((m) => m.type)).toEqual(['closed']), { timeout: 20_000 });
      expect(closedHosts).toBe(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
