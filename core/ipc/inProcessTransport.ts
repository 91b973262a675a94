import type { ConnectionState, Transport } from './client';
import type { EventBus } from './eventBus';
import type { Router } from './router';

/** Calls the router directly, through a JSON round trip so values look exactly as they would off a socket. */
export function createInProcessTransport(router: Router, bus: EventBus): Transport {
  const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
  const unsubs: (() => void)[] = [];
  return {
    state: 'open' as ConnectionState,
    async request(method, input) {
      return clone(await router.call(method, clone(input)));
    },
    onEvent(listener) {
      const off = bus.subscribe((e, p) => listener(e, clone(p)));
      unsubs.push(off);
      return off;
    },
    onState() {
      return () => undefined;
    },
    close() {
      for (const off of unsubs.splice(0)) off();
    },
  };
}
