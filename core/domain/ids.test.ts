import { describe, expect, it } from 'vitest';
import { createOrderRefSource } from './ids';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('order refs', () => {
  it('are version-8 UUIDs, distinct within a source and across sources', () => {
    const a = createOrderRefSource();
    const b = createOrderRefSource();
    const refs = [...Array.from({ length: 1000 }, a), ...Array.from({ length: 1000 }, b)];
    for (const r of refs) expect(r).toMatch(UUID_V8);
    expect(new Set(refs).size).toBe(2000);
  });

  it('keep counting past the last group into the variant group', () => {
    const next = createOrderRefSource();
    const first = next();
    expect(first.slice(-17)).toMatch(/^[89ab]000-000000000000$/);
    expect(next().endsWith('-000000000001')).toBe(true);
  });
});
