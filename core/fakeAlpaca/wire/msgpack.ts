/**
 * The part of MessagePack (msgpack.org spec) Alpaca's market-data stream uses: maps, arrays, strings,
 * numbers, booleans, nil and the timestamp extension (type -1), which the stream's `t` fields use.
 */
export type MsgValue = null | boolean | number | string | Date | MsgValue[] | { [key: string]: MsgValue };

class Writer {
  private buf = Buffer.alloc(256);
  private n = 0;

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.n + k));
    this.buf.copy(next, 0, 0, this.n);
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.n++] = b;
  }

  u16(v: number): void {
    this.room(2);
    this.buf.writeUInt16BE(v, this.n);
    this.n += 2;
  }

  u32(v: number): void {
    this.room(4);
    this.buf.writeUInt32BE(v, this.n);
    this.n += 4;
  }

  f64(v: number): void {
    this.room(8);
    this.buf.writeDoubleBE(v, this.n);
    this.n += 8;
  }

  i64(v: number): void {
    this.room(8);
    this.buf.writeBigInt64BE(BigInt(v), this.n);
    this.n += 8;
  }

  bytes(b: Buffer): void {
    this.room(b.length);
    b.copy(this.buf, this.n);
    this.n += b.length;
  }

  done(): Buffer {
    return this.buf.subarray(0, this.n);
  }
}

function header(w: Writer, len: number, fix: number, fixMax: number, c16: number, c32: number): void {
  if (len <= fixMax) w.byte(fix | len);
  else if (len <= 0xffff) {
    w.byte(c16);
    w.u16(len);
  } else {
    w.byte(c32);
    w.u32(len);
  }
}

function writeNumber(w: Writer, v: number): void {
  if (!Number.isSafeInteger(v)) {
    w.byte(0xcb);
    w.f64(v);
  } else if (v >= 0 && v < 0x80) w.byte(v);
  else if (v < 0 && v >= -32) w.byte(v & 0xff);
  else if (v >= 0 && v <= 0xffffffff) {
    w.byte(0xce);
    w.u32(v);
  } else {
    w.byte(0xd3);
    w.i64(v);
  }
}

/** Timestamp 96: nanoseconds (uint32) then seconds (int64), as ext type -1 with 12 bytes of data. */
function writeTimestamp(w: Writer, d: Date): void {
  const ms = d.getTime();
  const sec = Math.floor(ms / 1000);
  const nsec = (ms - sec * 1000) * 1_000_000;
  w.byte(0xc7);
  w.byte(12);
  w.byte(0xff);
  w.u32(nsec);
  w.i64(sec);
}

function write(w: Writer, v: MsgValue): void {
  if (v === null) w.byte(0xc0);
  else if (v === true) w.byte(0xc3);
  else if (v === false) w.byte(0xc2);
  else if (typeof v === 'number') writeNumber(w, v);
  else if (typeof v === 'string') {
    const b = Buffer.from(v, 'utf8');
    if (b.length < 32) w.byte(0xa0 | b.length);
    else if (b.length <= 0xff) {
      w.byte(0xd9);
      w.byte(b.length);
    } else header(w, b.length, 0, -1, 0xda, 0xdb);
    w.bytes(b);
  } else if (v instanceof Date) writeTimestamp(w, v);
  else if (Array.isArray(v)) {
    header(w, v.length, 0x90, 15, 0xdc, 0xdd);
    for (const x of v) write(w, x);
  } else {
    const keys = Object.keys(v);
    header(w, keys.length, 0x80, 15, 0xde, 0xdf);
    for (const k of keys) {
      write(w, k);
      write(w, v[k]);
    }
  }
}

export function msgpackEncode(v: MsgValue): Buffer {
  const w = new Writer();
  write(w, v);
  return w.done();
}

class Reader {
  pos = 0;
  constructor(private readonly b: Buffer) {}

  need(k: number): void {
    if (this.pos + k > this.b.length) throw new Error(`msgpack: truncated at byte ${this.pos} (needs ${k} more)`);
  }

  u8(): number {
    this.need(1);
    return this.b[this.pos++];
  }

  take(k: number): Buffer {
    this.need(k);
    const out = this.b.subarray(this.pos, this.pos + k);
    this.pos += k;
    return out;
  }

  value(): unknown {
    const c = this.u8();
    if (c <= 0x7f) return c;
    if (c >= 0xe0) return c - 0x100;
    if ((c & 0xf0) === 0x80) return this.map(c & 0x0f);
    if ((c & 0xf0) === 0x90) return this.array(c & 0x0f);
    if ((c & 0xe0) === 0xa0) return this.take(c & 0x1f).toString('utf8');
    switch (c) {
      case 0xc0:
        return null;
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc4:
        return Buffer.from(this.take(this.u8()));
      case 0xc5:
        return Buffer.from(this.take(this.take(2).readUInt16BE(0)));
      case 0xc6:
        return Buffer.from(this.take(this.take(4).readUInt32BE(0)));
      case 0xca:
        return this.take(4).readFloatBE(0);
      case 0xcb:
        return this.take(8).readDoubleBE(0);
      case 0xcc:
        return this.u8();
      case 0xcd:
        return this.take(2).readUInt16BE(0);
      case 0xce:
        return this.take(4).readUInt32BE(0);
      case 0xcf:
        return Number(this.take(8).readBigUInt64BE(0));
      case 0xd0:
        return this.take(1).readInt8(0);
      case 0xd1:
        return this.take(2).readInt16BE(0);
      case 0xd2:
        return this.take(4).readInt32BE(0);
      case 0xd3:
        return Number(this.take(8).readBigInt64BE(0));
      case 0xd6:
        return this.ext(4);
      case 0xd7:
        return this.ext(8);
      case 0xc7:
        return this.ext(this.u8());
      case 0xd9:
        return this.take(this.u8()).toString('utf8');
      case 0xda:
        return this.take(this.take(2).readUInt16BE(0)).toString('utf8');
      case 0xdb:
        return this.take(this.take(4).readUInt32BE(0)).toString('utf8');
      case 0xdc:
        return this.array(this.take(2).readUInt16BE(0));
      case 0xdd:
        return this.array(this.take(4).readUInt32BE(0));
      case 0xde:
        return this.map(this.take(2).readUInt16BE(0));
      case 0xdf:
        return this.map(this.take(4).readUInt32BE(0));
      default:
        throw new Error(`msgpack: unsupported type byte 0x${c.toString(16)} at byte ${this.pos - 1}`);
    }
  }

  private array(n: number): unknown[] {
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(this.value());
    return out;
  }

  private map(n: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const k = this.value();
      if (typeof k !== 'string') throw new Error(`msgpack: map key at byte ${this.pos} is not a string`);
      out[k] = this.value();
    }
    return out;
  }

  private ext(len: number): Date {
    const type = this.take(1).readInt8(0);
    const data = this.take(len);
    if (type !== -1) throw new Error(`msgpack: unsupported extension type ${type}`);
    if (len === 4) return new Date(data.readUInt32BE(0) * 1000);
    if (len === 8) {
      const hi = data.readUInt32BE(0);
      const lo = data.readUInt32BE(4);
      const nsec = hi >>> 2;
      const sec = (hi & 0x3) * 2 ** 32 + lo;
      return new Date(sec * 1000 + Math.floor(nsec / 1e6));
    }
    if (len === 12) return new Date(Number(data.readBigInt64BE(4)) * 1000 + Math.floor(data.readUInt32BE(0) / 1e6));
    throw new Error(`msgpack: timestamp of ${len} bytes`);
  }
}

/** Decodes one msgpack value; throws naming the byte offset on anything malformed or outside the subset. */
export function msgpackDecode(buf: Buffer): unknown {
  const r = new Reader(buf);
  const v = r.value();
  if (r.pos !== buf.length) throw new Error(`msgpack: ${buf.length - r.pos} trailing bytes after the value`);
  return v;
}
