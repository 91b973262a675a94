/** A request the fake cannot parse: names the message, the field index and what was expected. */
export class RequestError extends Error {
  override readonly name = 'RequestError';
}

/** Positional, checked access to one incoming message's fields. */
export class FieldReader {
  constructor(
    private readonly fields: readonly string[],
    readonly what: string,
  ) {}

  get length(): number {
    return this.fields.length;
  }

  raw(i: number, name: string): string {
    const v = this.fields[i];
    if (v === undefined) throw new RequestError(`${this.what}: field ${i} (${name}) is missing; the message has ${this.fields.length} fields`);
    return v;
  }

  str(i: number, name: string): string {
    return this.raw(i, name);
  }

  int(i: number, name: string): number {
    const v = this.raw(i, name);
    if (!/^-?\d+$/.test(v)) throw new RequestError(`${this.what}: field ${i} (${name}) must be an integer, got ${JSON.stringify(v)}`);
    return Number(v);
  }

  /** An integer that may be empty (null). */
  optInt(i: number, name: string): number | null {
    return this.raw(i, name) === '' ? null : this.int(i, name);
  }

  num(i: number, name: string): number {
    const v = this.raw(i, name);
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) {
      throw new RequestError(`${this.what}: field ${i} (${name}) must be a number, got ${JSON.stringify(v)}`);
    }
    return n;
  }

  /** A number that may be empty (null). */
  optNum(i: number, name: string): number | null {
    return this.raw(i, name) === '' ? null : this.num(i, name);
  }

  /** 0/1 (also empty = false, which is how stoqey writes an undefined boolean). */
  bool(i: number, name: string): boolean {
    const v = this.raw(i, name);
    if (v !== '' && v !== '0' && v !== '1') throw new RequestError(`${this.what}: field ${i} (${name}) must be 0 or 1, got ${JSON.stringify(v)}`);
    return v === '1';
  }

  expectLength(n: number): void {
    if (this.fields.length !== n) {
      throw new RequestError(`${this.what}: expected ${n} fields, got ${this.fields.length}`);
    }
  }
}
