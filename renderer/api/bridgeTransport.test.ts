import { describe, expect, it } from 'vitest';
import type { TradedeskBridge } from '../../core/ipc/bridge';
import { createBridgeTransport, isBridge } from './bridgeTransport';

function fakeBridge(): TradedeskBridge & { listeners: Set<(e: string, p: unknown) => void>; calls: [string, unknown][] } {
  const listeners = new Set<(e: string, p: unknown) => void>();
  const calls: [string, unknown][] = [];
  return {
    listeners,
    calls,
    call: async (method, input) => {
      calls.push([method, input]);
      return { ok: true, value: { echoed: method } };
    },
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

describe('bridge transport', () => {
  it('recognises a bridge by its two functions only', () => {
    expect(isBridge(fakeBridge())).toBe(true);
    expect(isBridge(undefined)).toBe(false);
    expect(isBridge({ call: () => undefined })).toBe(false);
    expect(isBridge({ call: 1, onEvent: () => undefined })).toBe(false);
  });

  it('passes calls through, with {} for a missing input', async () => {
    const bridge = fakeBridge();
    const t = createBridgeTransport(bridge);
    expect(t.state).toBe('open');
    await expect(t.request('system.info', undefined)).resolves.toEqual({ ok: true, value: { echoed: 'system.info' } });
    expect(bridge.calls).toEqual([['system.info', {}]]);
  });

  it('delivers events until unsubscribed or closed', () => {
    const bridge = fakeBridge();
    const t = createBridgeTransport(bridge);
    const seen: string[] = [];
    const off = t.onEvent((e) => seen.push(`a:${e}`));
    t.onEvent((e) => seen.push(`b:${e}`));
    for (const l of bridge.listeners) l('backtests.job', {});
    off();
    for (const l of bridge.listeners) l('backtests.job', {});
    t.close();
    expect(bridge.listeners.size).toBe(0);
    expect(seen).toEqual(['a:backtests.job', 'b:backtests.job', 'b:backtests.job']);
  });
});
