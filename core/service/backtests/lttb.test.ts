import { describe, expect, it } from 'vitest';
import { lttbIndices, pick } from './lttb';

describe('lttbIndices', () => {
  it('keeps every point when the series is short enough', () => {
    expect(lttbIndices([1, 2, 3], [5, 6, 7], 10)).toEqual([0, 1, 2]);
  });

  it('keeps first, last and the extreme spikes of a long series', () => {
    const n = 10_000;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => (i === 2500 ? 100 : i === 7500 ? -100 : Math.sin(i / 50)));
    const idx = lttbIndices(x, y, 200);
    expect(idx).toHaveLength(200);
    expect(idx[0]).toBe(0);
    expect(idx[199]).toBe(n - 1);
    expect(idx).toContain(2500);
    expect(idx).toContain(7500);
    // Strictly increasing: a line drawn through them never goes back in time.
    for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
    expect(Math.max(...pick(y, idx))).toBe(100);
  });
});
