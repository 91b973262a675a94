import type { ConnectionState, Transport } from '../../core/ipc/client';
import type { TradedeskBridge } from '../../core/ipc/bridge';

/** True when `value` looks like the preload's bridge (two functions, nothing assumed beyond that). */
export function isBridge(value: unknown): value is TradedeskBridge {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.call === 'function' && typeof v.onEvent === 'function';
}

/** The desktop app's transport: Electron's channel pair through the preload, always connected. */
export function createBridgeTransport(bridge: TradedeskBridge): Transport {
  const unsubs = new Set<() => void>();
  return {
    state: 'open' as ConnectionState,
    request: (method, input) => bridge.call(method, input ?? {}),
    onEvent(listener) {
      const off = bridge.onEvent(listener);
      unsubs.add(off);
      return () => {
        unsubs.delete(off);
        off();
      };
    },
    onState: () => () => undefined,
    close() {
      for (const off of unsubs) off();
      unsubs.clear();
    },
  };
}
