import { EventName, IBApi } from '@stoqey/ib';
import { eventually } from '../../testing/eventually';

/** An `error` or `info` event as @stoqey/ib emitted it. */
export interface ClientNotice {
  code: number;
  id: number;
  message: string;
}

export interface RecordedEvent {
  name: string;
  args: unknown[];
}

/** A real, unmodified @stoqey/ib IBApi connected to a fake TWS, recording everything it emits. */
export interface TestClient {
  readonly api: IBApi;
  readonly clientId: number;
  readonly events: RecordedEvent[];
  readonly errors: ClientNotice[];
  readonly infos: ClientNotice[];
  /** Arguments of every emission of one event, in order. */
  of(name: EventName): unknown[][];
  /** Error 505 is stoqey's decode error: a message whose layout does not match its decoder. */
  decodeErrors(): ClientNotice[];
  disconnected(): boolean;
  close(): void;
}

export { eventually };

/** Requests are handled in order: once currentTime answers, everything sent before it was processed and answered. */
export async function roundTrip(c: TestClient): Promise<void> {
  const n = c.of(EventName.currentTime).length;
  c.api.reqCurrentTime();
  await eventually(() => c.of(EventName.currentTime).length > n, 'currentTime round trip');
}

/** Creates a client and records its events, without waiting for anything. */
export function openClient(port: number, clientId: number): TestClient {
  const api = new IBApi({ host: '127.0.0.1', port, maxReqPerSec: 1000 });
  const events: RecordedEvent[] = [];
  const errors: ClientNotice[] = [];
  const infos: ClientNotice[] = [];
  let down = false;
  api.on(EventName.all, (name: string, args: unknown[]) => events.push({ name, args }));
  api.on(EventName.error, (err: Error, code: number, reqId: number) => errors.push({ code, id: reqId, message: err.message }));
  api.on(EventName.info, (message: string, code: number) => infos.push({ code, id: -1, message }));
  api.on(EventName.disconnected, () => {
    down = true;
  });
  api.connect(clientId);
  return {
    api,
    clientId,
    events,
    errors,
    infos,
    of: (name) => events.filter((e) => e.name === name).map((e) => e.args),
    decodeErrors: () => errors.filter((e) => e.code === 505),
    disconnected: () => down,
    close: () => {
      api.disconnect();
    },
  };
}

/** Connects and waits until the API is ready (nextValidId and managedAccounts received). */
export async function connectClient(port: number, clientId: number): Promise<TestClient> {
  const c = openClient(port, clientId);
  await eventually(() => c.of(EventName.nextValidId).length > 0 && c.of(EventName.managedAccounts).length > 0, `client ${clientId} ready`);
  return c;
}
