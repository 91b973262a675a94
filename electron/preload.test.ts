import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL, BRIDGE_GLOBAL, type TradedeskBridge } from '../core/ipc/bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const exposed: [string, unknown][] = [];
  const channels = new Set<string>();
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  let answer: () => Promise<unknown> = () => Promise.resolve({ ok: true, value: 'pong' });
  const invoked: unknown[][] = [];
  return {
    exposed,
    channels,
    listeners,
    invoked,
    answerWith(fn: () => Promise<unknown>) {
      answer = fn;
    },
    module: {
      contextBridge: {
        exposeInMainWorld: (name: string, api: unknown) => exposed.push([name, api]),
      },
      ipcRenderer: {
        invoke: (channel: string, ...args: unknown[]) => {
          channels.add(channel);
          invoked.push([channel, ...args]);
          return answer();
        },
        on: (channel: string, fn: (...args: unknown[]) => void) => {
          channels.add(channel);
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)?.add(fn);
        },
        removeListener: (channel: string, fn: (...args: unknown[]) => void) => {
          channels.add(channel);
          listeners.get(channel)?.delete(fn);
        },
        send: (channel: string) => channels.add(channel),
        sendSync: (channel: string) => channels.add(channel),
      },
    },
  };
});

vi.mock('electron', () => electron.module);

function emitFromMain(...args: unknown[]): void {
  const ipcEvent = { sender: electron.module.ipcRenderer };
  for (const fn of electron.listeners.get(BRIDGE_EVENT_CHANNEL) ?? []) (fn as Listener)(ipcEvent, ...args);
}

describe('preload', () => {
  let bridge: TradedeskBridge;

  beforeAll(async () => {
    await import('./preload');
    bridge = electron.exposed[0]?.[1] as TradedeskBridge;
  });

  it('exposes exactly call and onEvent, under the one bridge name', () => {
    expect(electron.exposed.map(([name]) => name)).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent']);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.onEvent).toBe('function');
    expect(Object.values(bridge)).not.toContain(electron.module.ipcRenderer);
  });

  it('sends a call as one {method, input} frame on the call channel and returns the answer', async () => {
    await expect(bridge.call('system.info', { x: 1 })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(electron.invoked.at(-1)).toEqual([BRIDGE_CALL_CHANNEL, { method: 'system.info', input: { x: 1 } }]);
    await bridge.call('system.info', undefined);
    expect(electron.invoked.at(-1)).toEqual([BRIDGE_CALL_CHANNEL, { method: 'system.info', input: {} }]);
  });

  it('turns a failed invoke into an UNAVAILABLE result rather than a rejection', async () => {
    electron.answerWith(() => Promise.reject(new Error('No handler registered for tradedesk:call')));
    await expect(bridge.call('system.info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.any(String) },
    });
    electron.answerWith(() => Promise.resolve({ ok: true, value: 'pong' }));
  });

  it('passes events on without the IPC event, and stops after unsubscribe', () => {
    const got: unknown[][] = [];
    const off = bridge.onEvent((...args) => got.push(args));
    emitFromMain('backtests.job', { id: 'j1' });
    emitFromMain(42, 'not an event name');
    off();
    emitFromMain('backtests.job', { id: 'j2' });
    expect(got).toEqual([['backtests.job', { id: 'j1' }]]);
    expect(electron.listeners.get(BRIDGE_EVENT_CHANNEL)?.size).toBe(0);
  });

  it('uses no channel but the fixed pair', async () => {
    await bridge.call('system.info', {});
    bridge.onEvent(() => undefined)();
    expect([...electron.channels].sort()).toEqual([BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL].sort());
  });
});
