import { describe, expect, it } from 'vitest';
import { decodePayload, encodeFrame, FrameReader, parseVersionRange, ProtocolError } from './frames';

const hello = Buffer.concat([Buffer.from('API\0', 'latin1'), Buffer.from([0, 0, 0, 9]), Buffer.from('v100..193')]);
const frame = (text: string): Buffer => {
  const body = Buffer.from(text, 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  return Buffer.concat([head, body]);
};

describe('fake TWS framing', () => {
  it('encodes fields NUL-terminated behind a big-endian length', () => {
    expect(encodeFrame([49, 1, 'é'])).toEqual(Buffer.from([0, 0, 0, 8, 0x34, 0x39, 0, 0x31, 0, 0xc3, 0xa9, 0]));
  });

  it('drops only the one empty string after the final NUL, keeping empty fields', () => {
    expect(decodePayload(Buffer.from('71\x002\x007\x00\x00'))).toEqual(['71', '2', '7', '']);
  });

  it('reads the handshake and frames however TCP splits or merges them', () => {
    const bytes = Buffer.concat([hello, frame('71\x002\x007\x00\x00'), frame('49\x001\x00')]);
    for (const cut of [1, 3, 4, 7, 12, 17, 20, bytes.length - 1]) {
      const r = new FrameReader();
      const events = [...r.push(bytes.subarray(0, cut)), ...r.push(bytes.subarray(cut))];
      expect(events).toEqual([
        { kind: 'handshake', handshake: { minVersion: 100, maxVersion: 193 } },
        { kind: 'message', fields: ['71', '2', '7', ''] },
        { kind: 'message', fields: ['49', '1'] },
      ]);
    }
  });

  it('rejects a connection that does not start with API\\0, and frames without a final NUL', () => {
    expect(() => new FrameReader().push(Buffer.from('GET / HTTP/1.1'))).toThrow(ProtocolError);
    expect(() => new FrameReader().push(Buffer.concat([hello, frame('49\x001')]))).toThrow(/does not end in a NUL/);
  });

  it('parses version strings', () => {
    expect(parseVersionRange('v100..193')).toEqual({ minVersion: 100, maxVersion: 193 });
    expect(parseVersionRange('v176')).toEqual({ minVersion: 176, maxVersion: 176 });
    expect(() => parseVersionRange('100..193')).toThrow(ProtocolError);
    expect(() => parseVersionRange('v193..100')).toThrow(/max below min/);
  });
});
