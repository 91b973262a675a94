import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL } from '../core/ipc/bridge';
import { EventBus } from '../core/ipc/eventBus';
import type { Router } from '../core/ipc/router';
import type { CallResult } from '../core/ipc/wire';
import { registerBridge } from './ipcBridge';
import { rendererOrigin } from './security';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<CallResult>;
const handlers = vi.hoisted(() => new Map<string, (...args: never[]) => unknown>());

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (...args: never[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const APP_URL = 'app://tradedesk/index.html';
const origin = rendererOrigin(undefined, true);

/** A stand-in for the window's webContents: an id, a page URL, a main frame and what it was sent. */
class FakeContents extends EventEmitter {
  readonly sent: unknown[][] = [];
  destroyed = false;
  constructor(
    readonly id: number,
    public url: string,
  ) {
    super();
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
}

function invokeEvent(sender: FakeContents, frameUrl: string | null, subFrame = false): IpcMainInvokeEvent {
  const frame = frameUrl === null ? null : { url: frameUrl, parent: subFrame ? { url: APP_URL } : null };
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

describe('registerBridge', () => {
  let contents: FakeContents;
  let bus: EventBus;
  let router: Router & { calls: [string, unknown][] };
  let dispose: () => void;

  const handler = (): Handler => {
    const h = handlers.get(BRIDGE_CALL_CHANNEL);
    if (!h) throw new Error('no handler registered');
    return h as unknown as Handler;
  };

  beforeEach(() => {
    contents = new FakeContents(7, APP_URL);
    bus = new EventBus();
    const calls: [string, unknown][] = [];
    router = {
      calls,
      async call(method, input) {
        calls.push([method, input]);
        if (method === 'boom') return { ok: false, error: { code: 'NOT_FOUND', message: 'no such run' } };
        return { ok: true, value: { echoed: input } };
      },
    };
    dispose = registerBridge({ contents: contents as unknown as WebContents, router, bus, origin });
  });

  afterEach(() => {
    dispose();
    vi.restoreAllMocks();
  });

  it('registers exactly one handler, on the call channel', () => {
    expect([...handlers.keys()]).toEqual([BRIDGE_CALL_CHANNEL]);
  });

  it('forwards a valid call from the app page to the router and answers with its result', async () => {
    const res = await handler()(invokeEvent(contents, APP_URL), { method: 'system.info', input: { a: 1 } });
    expect(res).toEqual({ ok: true, value: { echoed: { a: 1 } } });
    expect(router.calls).toEqual([['system.info', { a: 1 }]]);
  });

  it('answers a failed call with {code, message} only', async () => {
    const res = await handler()(invokeEvent(contents, `${APP_URL}#/runs`), { method: 'boom', input: {} });
    expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no such run' } });
  });

  describe('refuses a foreign sender without calling the engine', () => {
    it.each([
      ['a web page', 'https://evil.example/'],
      ['a file outside the app', 'file:///etc/passwd'],
      ['a substring trick', `${APP_URL}.evil.com`],
      ['the built page as a file', 'file:///opt/tradedesk/dist/renderer/index.html'],
      ['another page of the app', 'app://tradedesk/evil.html'],
    ])('%s', async (_what, url) => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const res = await handler()(invokeEvent(contents, url), { method: 'system.info', input: {} });
      expect(res).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
      expect(router.calls).toEqual([]);
    });

    it('another web contents, even on the app page', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const other = new FakeContents(8, APP_URL);
      const res = await handler()(invokeEvent(other, APP_URL), { method: 'system.info', input: {} });
      expect(res.ok).toBe(false);
      expect(router.calls).toEqual([]);
    });

    it('a sub-frame, or a frame that is gone', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect((await handler()(invokeEvent(contents, APP_URL, true), { method: 'system.info', input: {} })).ok).toBe(false);
      expect((await handler()(invokeEvent(contents, null), { method: 'system.info', input: {} })).ok).toBe(false);
      expect(router.calls).toEqual([]);
    });
  });

  it.each([
    ['no frame', []],
    ['two frames', [{ method: 'a', input: {} }, { method: 'b', input: {} }]],
    ['a string', ['system.info']],
    ['null', [null]],
    ['a missing method', [{ input: {} }]],
    ['a non-string method', [{ method: 42, input: {} }]],
    ['an empty method', [{ method: '', input: {} }]],
    ['an overlong method', [{ method: 'x'.repeat(101), input: {} }]],
    ['an extra key', [{ method: 'system.info', input: {}, id: 1 }]],
  ])('refuses a malformed frame: %s', async (_what, args) => {
    const res = await handler()(invokeEvent(contents, APP_URL), ...args);
    expect(res).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: expect.any(String) } });
    expect(router.calls).toEqual([]);
  });

  it('sends the engine events to the page on the event channel', () => {
    bus.emit('backtests.job', { id: 'j1' } as never);
    expect(contents.sent).toEqual([[BRIDGE_EVENT_CHANNEL, 'backtests.job', { id: 'j1' }]]);
  });

  it('sends no event to a page that is not the app', () => {
    contents.url = 'https://evil.example/';
    bus.emit('backtests.job', { id: 'j1' } as never);
    expect(contents.sent).toEqual([]);
  });

  it('stops when the window contents are destroyed', () => {
    contents.destroyed = true;
    contents.emit('destroyed');
    bus.emit('backtests.job', { id: 'j1' } as never);
    expect(contents.sent).toEqual([]);
    expect(handlers.has(BRIDGE_CALL_CHANNEL)).toBe(false);
  });
});
