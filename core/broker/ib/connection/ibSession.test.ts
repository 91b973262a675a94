import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader, type WireField } from '../../../fakeTws/wire/frames';
import { eventually } from '../testing/ibRig';
import { EventHub, type IbEvents, type IbNotice } from './eventHub';
import { IbSession } from './ibSession';

/**
 * The session against a scripted server that completes the handshake and then sends what a broken
 * or drifting TWS might: every malformed message of the protocol notes. The process must survive,
 * each problem must be reported, and the valid messages around them must still arrive.
 */

const ORDER_STATUS = (orderId: number | string, filled: WireField = 0): WireField[] => [3, orderId, 'Submitted', filled, 10, 0, 99, 0, 0, 1, '', 0];

let server: Server | undefined;
let session: IbSession | undefined;
afterEach(async () => {
  session?.close('test over');
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

/** Serves the handshake, then writes `after` (frames or raw bytes) once START_API arrives. */
async function scripted(after: (Buffer | WireField[])[]): Promise<number> {
  server = createServer((socket: Socket) => {
    const reader = new FrameReader();
    socket.on('data', (chunk) => {
      for (const ev of reader.push(chunk)) {
        if (ev.kind === 'handshake') socket.write(encodeFrame([193, '20260101 00:00:00 UTC']));
        else if (ev.fields[0] === '71') {
          socket.write(encodeFrame([9, 1, 5]));
          socket.write(encodeFrame([15, 1, 'DU1']));
          for (const m of after) socket.write(Buffer.isBuffer(m) ? m : encodeFrame(m));
        }
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  return addr.port;
}

function open(port: number) {
  const problems: string[] = [];
  const notices: IbNotice[] = [];
  const statuses: number[] = [];
  const handshakes: string[] = [];
  let closed: string | null = null;
  const hub = new EventHub<IbEvents>((event, err) => problems.push(`${event}: ${String(err)}`));
  hub.on('notice', (n) => notices.push(n));
  hub.on('orderStatus', (m) => statuses.push(m.orderId));
  session = new IbSession(
    { host: '127.0.0.1', port, clientId: 3, heartbeatMs: 60_000, maxReqPerSec: 1_000, outgoing: () => true },
    hub,
    {
      opened: () => {},
      handshake: (kind) => handshakes.push(kind),
      closed: (reason) => {
        closed = reason;
      },
      problem: (text) => problems.push(text),
    },
    Date.now,
  );
  return { problems, notices, statuses, handshakes, closed: () => closed };
}

describe('IbSession', () => {
  it('survives every malformed message and keeps decoding the valid ones around them', async () => {
    const noTrailingNul = Buffer.concat([Buffer.from([0, 0, 0, 15]), Buffer.from('49\u00001\u00001700000000', 'utf8')]);
    const port = await scripted([
      [999, 1, 2],
      ORDER_STATUS(6, 'not-a-number'),
      [4, 2, 12, 201, 'Order rejected - reason:margin', '{"rejectReason":'],
      [49, 1],
      ORDER_STATUS(7),
      noTrailingNul,
      ORDER_STATUS(8),
      ORDER_STATUS(9),
    ]);
    const s = open(port);
    await eventually(() => s.statuses.includes(9), 'the last valid message');
    expect(s.statuses).toContain(7);
    expect(s.statuses).not.toContain(6);
    expect(s.problems).toContainEqual(expect.stringMatching(/ignored a malformed orderStatus/));
    expect(s.problems).toContainEqual(expect.stringMatching(/could not decode \(SyntaxError/));
    // The error whose JSON broke the decoder still arrives with its id and code.
    expect(s.notices).toContainEqual({ id: 12, code: 201, text: 'Order rejected - reason:margin' });
    expect(s.notices.filter((n) => n.code === 505).length).toBeGreaterThanOrEqual(3);
    expect(s.closed()).toBeNull();
  });

  it('sends nothing before the handshake or after the session ended', async () => {
    const port = await scripted([]);
    const s = open(port);
    const current = session as IbSession;
    expect(current.request(() => {})).toBe(false);
    await eventually(() => s.handshakes.length === 2, 'the handshake');
    expect(current.request(() => {})).toBe(true);
    current.close('done');
    expect(s.closed()).toBe('done');
    expect(current.request(() => {})).toBe(false);
  });
});
