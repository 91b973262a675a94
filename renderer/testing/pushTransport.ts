import type { ConnectionState, Transport } from '../../core/ipc/client';

export type PushTransport = Transport & { push: (event: string, payload: unknown) => void; setState: (s: ConnectionState) => void };

/** A transport whose requests answer [] and whose events and connection states a test pushes. */
export function pushTransport(state: ConnectionState = 'open'): PushTransport {
  const events = new Set<(e: string, p: unknown) => void>();
  const states = new Set<(s: ConnectionState) => void>();
  return {
    state,
    request: async () => ({ ok: true, value: [] }),
    onEvent: (l) => (events.add(l), () => events.delete(l)),
    onState: (l) => (states.add(l), () => states.delete(l)),
    close: () => undefined,
    push: (e, p) => events.forEach((l) => l(e, p)),
    setState: (s) => states.forEach((l) => l(s)),
  };
}
