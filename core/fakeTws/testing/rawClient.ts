import { connect, type Socket } from 'node:net';
import { afterEach } from 'vitest';
import { eventually } from '../../testing/eventually';

/**
 * A minimal TWS API client that speaks the socket protocol by hand, independent of the fake's own
 * framing code: `API\0` + a length-prefixed `v<min>..<max>`, then frames of a 4-byte big-endian length
 * and NUL-terminated fields. It records every server message as its list of fields.
 */
export interface RawClient {
  readonly socket: Socket;
  /** Every framed message received, in order; the first is the handshake reply. */
  readonly received: string[][];
  /** The negotiated version (the handshake reply's first field). */
  readonly version: number;
  send(fields: readonly (string | number)[]): void;
  /** The first message received at or after index `from` that matches, waiting for it. */
  next(match: (f: readonly string[]) => boolean, what: string, from?: number): Promise<string[]>;
  /** Messages received at or after index `from` with this message id. */
  all(msgId: number, from?: number): string[][];
  /**
   * The server answers requests in order: once reqCurrentTime is answered, everything sent before it
   * has been answered too. Resolves with the index just past everything received by then.
   */
  sync(): Promise<number>;
  readonly closed: Promise<void>;
  close(): void;
}

/** `[4-byte big-endian length][field\0 ...]`, written out by hand. */
export function frame(fields: readonly (string | number)[]): Buffer {
  const payload = Buffer.from(fields.map((f) => `${f}\0`).join(''), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(payload.length, 0);
  return Buffer.concat([head, payload]);
}

/** The handshake bytes: `API\0`, then the length-prefixed version range (no trailing NUL). */
export function handshakeBytes(range: string): Buffer {
  const text = Buffer.from(range, 'latin1');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(text.length, 0);
  return Buffer.concat([Buffer.from('API\0', 'latin1'), head, text]);
}

/** Opens a socket, sends the handshake, and resolves once the version reply arrived (or the socket closed first). */
export async function rawHandshake(port: number, range: string): Promise<RawClient | { refused: true }> {
  const socket = connect(port, '127.0.0.1');
  const received: string[][] = [];
  let buf = Buffer.alloc(0);
  let ended = false;
  const closed = new Promise<void>((resolve) => socket.on('close', () => {
    ended = true;
    resolve();
  }));
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32BE(0)) {
      const size = buf.readUInt32BE(0);
      const fields = buf.subarray(4, 4 + size).toString('utf8').split('\0');
      fields.pop(); // the empty string after the last field's NUL
      received.push(fields);
      buf = buf.subarray(4 + size);
    }
  });
  socket.write(handshakeBytes(range));
  await eventually(() => received.length > 0 || ended, `handshake reply to ${range}`);
  if (received.length === 0) return { refused: true };
  const client: RawClient = {
    socket,
    received,
    version: Number(received[0][0]),
    send: (fields) => socket.write(frame(fields)),
    next: (match, what, from = 0) =>
      eventually(() => received.slice(from).find((f) => match(f)), what),
    all: (msgId, from = 0) => received.slice(from).filter((f) => f[0] === String(msgId)),
    async sync() {
      const from = received.length;
      client.send([49, 1]);
      await client.next((f) => f[0] === '49', 'currentTime (sync)', from);
      return received.length;
    },
    closed,
    close: () => socket.destroy(),
  };
  return client;
}

/** Handshake, START_API, and wait for nextValidId and managedAccounts: a ready session. */
export async function rawConnect(port: number, range: string, clientId = 9): Promise<RawClient> {
  const c = await rawHandshake(port, range);
  if ('refused' in c) throw new Error(`raw client: the fake TWS refused ${range}`);
  c.send([71, 2, clientId, '']);
  await c.next((f) => f[0] === '9', 'nextValidId');
  await c.next((f) => f[0] === '15', 'managedAccounts');
  return c;
}

/**
 * Raw sessions for one test file: `connectAt(v)` offers versions 100..v (or a whole `v<min>..<max>`
 * range) to the fake at `port()` and returns a ready session; every session is closed after each test.
 */
export function useRawSessions(port: () => number): (version: number | string, clientId?: number) => Promise<RawClient> {
  const open: RawClient[] = [];
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });
  return async (version, clientId = 9) => {
    const c = await rawConnect(port(), typeof version === 'number' ? `v100..${version}` : version, clientId);
    open.push(c);
    return c;
  };
}
