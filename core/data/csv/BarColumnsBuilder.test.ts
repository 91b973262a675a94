import { describe, expect, it } from 'vitest';
import { BarColumnsBuilder } from './BarColumnsBuilder';

describe('BarColumnsBuilder', () => {
  it('keeps every pushed bar across capacity doublings and trims to the pushed length', () => {
    const builder = new BarColumnsBuilder(1, true);
    for (let i = 0; i < 100; i++) builder.push(i, i + 1, i + 2, i + 3, i + 4, i + 5, i + 6);
    const bars = builder.finish();
    expect(builder.length).toBe(100);
    expect(bars.ts.length).toBe(100);
    expect(Array.from(bars.ts)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(bars.volume[99]).toBe(104);
    expect(bars.adjClose?.[57]).toBe(63);
  });

  it('leaves adjClose out when not asked for', () => {
    const builder = new BarColumnsBuilder(4, false);
    builder.push(1, 2, 3, 1, 2, 0, 9);
    expect(builder.finish().adjClose).toBeUndefined();
  });
});
