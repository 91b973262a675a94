import type { Host, HostOptions } from '../core/host/createHost';
import { errorFields, logFor } from '../core/log/log';
import { toHostSchema, type FromHost } from './hostMessages';
import { PortSealer } from './keychain';

/** The utility process's side of its parent port (Electron's `process.parentPort`): messages arrive as `{ data }`. */
export interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: FromHost): void;
}

const log = logFor('host');

/**
 * Runs the engine host inside the utility process: builds it when main says `start`, answers each
 * forwarded call through the host's router, pushes the host's events to main, and closes on `close`.
 * A message that is not one of ours is dropped and logged (only main can reach this port).
 */
export function serveHost(port: ParentPortLike, createHost: (opts: HostOptions) => Promise<Host>): void {
  let host: Host | null = null;
  // The host being built: a close that arrives meanwhile waits for it, so no store is left open.
  let starting: Promise<Host | null> | null = null;
  let closing: Promise<void> | null = null;
  // Alpaca keys typed in the app are sealed by main's keychain (createHost keeps them sealed in the data folder).
  const sealer = new PortSealer((m) => port.postMessage(m));
  port.on('message', ({ data }) => {
    const parsed = toHostSchema.safeParse(data);
    if (!parsed.success) {
      log.warn('dropped a malformed message from main', { issue: parsed.error.issues[0]?.message });
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'start') {
      if (starting || closing) return;
      starting = createHost({ dataDir: msg.dataDir, baseDir: msg.baseDir, transport: 'electron', keySealer: sealer }).then(
        (h) => {
          if (closing) return h;
          host = h;
          h.bus.subscribe((event, payload) => port.postMessage({ type: 'event', event, payload }));
          port.postMessage({ type: 'ready', dbPath: h.dbPath });
          return h;
        },
        (err: unknown) => {
          port.postMessage({ type: 'start-failed', message: err instanceof Error ? err.message : String(err) });
          return null;
        },
      );
    } else if (msg.type === 'keychain-result') {
      sealer.receive(msg);
    } else if (msg.type === 'log') {
      const forwarded = logFor(msg.component);
      forwarded[msg.level === 'fatal' ? 'error' : msg.level](msg.msg, msg.fields);
    } else if (msg.type === 'call') {
      const { id } = msg;
      if (!host) {
        port.postMessage({ type: 'result', id, result: { ok: false, error: { code: 'UNAVAILABLE', message: 'the engine is not started' } } });
        return;
      }
      void host.router.call(msg.method, msg.input).then((result) => port.postMessage({ type: 'result', id, result }));
    } else {
      host = null;
      closing ??= Promise.resolve(starting)
        .then((h) => h?.close())
        .catch((err: unknown) => log.error('the engine failed to close', errorFields(err)));
      void closing.then(() => port.postMessage({ type: 'closed' }));
    }
  });
}
