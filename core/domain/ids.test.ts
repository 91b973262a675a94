import { describe, expect, it } from 'vitest';
import { createOrderRefs, orderRefFor, seqOfRef } from './ids';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('order refs', () => {
  it('are version-8 UUIDs, distinct within a broker and across brokers', () => {
    const a = createOrderRefs();
    const b = createOrderRefs();
    const refs = Array.from({ length: 1000 }, (_, i) => [a.refFor(i + 1), b.refFor(i + 1)]).flat();
    for (const r of refs) expect(r).toMatch(UUID_V8);
    expect(new Set(refs).size).toBe(2000);
  });

  it('carry the sequence number in their last 15 hex digits, so the prefix and number give them back', () => {
    const refs = createOrderRefs();
    expect(refs.refFor(1).endsWith('000-000000000001')).toBe(true);
    expect(refs.refFor(2 ** 48 + 255).endsWith('001-0000000000ff')).toBe(true);
    expect(orderRefFor(refs.prefix, 77)).toBe(refs.refFor(77));
    expect(() => refs.refFor(-1)).toThrow(/out of range/);
    for (const n of [0, 9, 255, 256, 65535, 2 ** 24 - 1, 2 ** 24, 123456789012, 2 ** 48 - 1]) {
      expect(refs.refFor(n).slice(-12)).toBe(n.toString(16).padStart(12, '0'));
    }
  });

  it('give their number back from their digits, and -1 for anything orderRefFor would not write', () => {
    const { prefix } = createOrderRefs();
    for (const n of [0, 1, 255, 2 ** 48 - 1, 2 ** 48, Number.MAX_SAFE_INTEGER]) expect(seqOfRef(orderRefFor(prefix, n), prefix)).toBe(n);
    const ref = orderRefFor(prefix, 0xabc);
    expect(seqOfRef(ref.toUpperCase(), prefix.toUpperCase())).toBe(-1);
    expect(seqOfRef(ref, 'other-prefix')).toBe(-1);
    expect(seqOfRef(`${ref}0`, prefix)).toBe(-1);
    expect(seqOfRef(ref.replace(/-(?=[0-9a-f]{12}$)/, 'x'), prefix)).toBe(-1);
    expect(seqOfRef(`${prefix}fff-ffffffffffff`, prefix)).toBe(-1);
  });

  it('give the same ref for a number however the numbers before it ran', () => {
    const refs = createOrderRefs();
    const seqs = [...Array.from({ length: 600 }, (_, i) => i), 300, 5, 70_000, 255, 256, 70_001];
    expect(seqs.map((n) => refs.refFor(n))).toEqual(seqs.map((n) => orderRefFor(refs.prefix, n)));
  });
});
