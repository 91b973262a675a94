import { describe, expect, it } from 'vitest';
import { msgpackDecode, msgpackEncode, type MsgValue } from './msgpack';

describe('msgpack', () => {
  it('round-trips the values the data stream sends', () => {
    const long = 'x'.repeat(300);
    const v: MsgValue = [
      { T: 'b', S: 'AAPL', o: 101.25, v: 1_000_000, n: -5, big: 2 ** 40, neg: -(2 ** 40), ok: true, no: false, none: null },
      { T: 'subscription', bars: Array.from({ length: 20 }, (_, i) => `S${i}`), long },
      new Date('2024-01-02T03:04:05.678Z'),
    ];
    expect(msgpackDecode(msgpackEncode(v))).toEqual(v);
  });

  it('writes the formats the spec prescribes', () => {
    expect([...msgpackEncode({ a: 1 })]).toEqual([0x81, 0xa1, 0x61, 0x01]);
    expect([...msgpackEncode(-1)]).toEqual([0xff]);
    expect([...msgpackEncode(1.5)]).toEqual([0xcb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]);
    // timestamp 96: ext 8 with 12 bytes, type -1, nanoseconds then seconds
    expect([...msgpackEncode(new Date(1500))]).toEqual([0xc7, 12, 0xff, 0x1d, 0xcd, 0x65, 0x00, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('reads timestamp 32 and 64 as well', () => {
    expect(msgpackDecode(Buffer.from([0xd6, 0xff, 0, 0, 0, 10]))).toEqual(new Date(10_000));
    const nsec = 500_000_000;
    const hi = (nsec << 2) >>> 0;
    const b = Buffer.alloc(10);
    b[0] = 0xd7;
    b[1] = 0xff;
    b.writeUInt32BE(hi, 2);
    b.writeUInt32BE(7, 6);
    expect(msgpackDecode(b)).toEqual(new Date(7500));
  });

  it('refuses truncated input, trailing bytes and unknown types, naming the offset', () => {
    expect(() => msgpackDecode(Buffer.from([0x92, 0x01]))).toThrow('msgpack: truncated at byte 2');
    expect(() => msgpackDecode(Buffer.from([0x01, 0x02]))).toThrow('msgpack: 1 trailing bytes after the value');
    expect(() => msgpackDecode(Buffer.from([0xc1]))).toThrow('msgpack: unsupported type byte 0xc1 at byte 0');
    expect(() => msgpackDecode(Buffer.from([0xd4, 0x05, 0x00]))).toThrow('msgpack: unsupported type byte 0xd4');
  });
});
