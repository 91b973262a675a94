/** One field of a server message; numbers are written with JS `String()` like the client does. */
export type WireField = string | number;

const NUL = 0;
const API_PREFIX = Buffer.from('API\0', 'latin1');
/** The client never sends more than a few KB; anything near stoqey's own 16 MB cap is a broken peer. */
const MAX_FRAME = 0xffffff;

/** `[4-byte big-endian length][field\0 field\0 ...]`: every field, the last included, ends in NUL. */
export function encodeFrame(fields: readonly WireField[]): Buffer {
  const payload = Buffer.from(fields.map((f) => `${f}\0`).join(''), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(payload.length, 0);
  return Buffer.concat([head, payload]);
}

/** Splits a frame payload into fields; only the one empty string after the final NUL is dropped. */
export function decodePayload(payload: Buffer): string[] {
  const fields = payload.toString('utf8').split('\0');
  if (fields[fields.length - 1] === '') fields.pop();
  return fields;
}

export interface Handshake {
  minVersion: number;
  maxVersion: number;
}

export type ReaderEvent = { kind: 'handshake'; handshake: Handshake } | { kind: 'message'; fields: string[] };

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/**
 * Reassembles what a client writes: first `API\0` + a length-prefixed `v<min>..<max>` string (no
 * trailing NUL), then length-prefixed NUL-terminated frames. TCP may split or merge writes anywhere.
 */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);
  private handshakeDone = false;

  push(chunk: Buffer): ReaderEvent[] {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const out: ReaderEvent[] = [];
    if (!this.handshakeDone) {
      const hs = this.readHandshake();
      if (!hs) return out;
      this.handshakeDone = true;
      out.push({ kind: 'handshake', handshake: hs });
    }
    for (;;) {
      if (this.buf.length < 4) return out;
      const size = this.buf.readUInt32BE(0);
      if (size > MAX_FRAME) throw new ProtocolError(`frame of ${size} bytes exceeds the ${MAX_FRAME} byte limit`);
      if (this.buf.length < 4 + size) return out;
      const payload = this.buf.subarray(4, 4 + size);
      this.buf = this.buf.subarray(4 + size);
      if (size === 0 || payload[size - 1] !== NUL) {
        throw new ProtocolError(`frame of ${size} bytes does not end in a NUL field terminator`);
      }
      out.push({ kind: 'message', fields: decodePayload(payload) });
    }
  }

  private readHandshake(): Handshake | null {
    const prefixLen = Math.min(this.buf.length, API_PREFIX.length);
    if (!this.buf.subarray(0, prefixLen).equals(API_PREFIX.subarray(0, prefixLen))) {
      throw new ProtocolError(`connection does not start with "API\\0" (got ${JSON.stringify(this.buf.subarray(0, prefixLen).toString('latin1'))})`);
    }
    if (this.buf.length < 8) return null;
    const size = this.buf.readUInt32BE(4);
    if (size > 1024) throw new ProtocolError(`version string of ${size} bytes is implausible`);
    if (this.buf.length < 8 + size) return null;
    const text = this.buf.subarray(8, 8 + size).toString('utf8');
    this.buf = this.buf.subarray(8 + size);
    return parseVersionRange(text);
  }
}

/** `v100..193` (a range) or `v100` (one version); IB-internal connect options after a space are ignored. */
export function parseVersionRange(text: string): Handshake {
  const m = /^v(\d+)(?:\.\.(\d+))?(?: .*)?$/.exec(text);
  if (!m) throw new ProtocolError(`bad version string ${JSON.stringify(text)} (expected v<min>..<max>)`);
  const minVersion = Number(m[1]);
  const maxVersion = m[2] === undefined ? minVersion : Number(m[2]);
  if (maxVersion < minVersion) throw new ProtocolError(`bad version range ${text}: max below min`);
  return { minVersion, maxVersion };
}
