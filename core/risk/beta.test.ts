import { describe, expect, it } from 'vitest';
import { beta } from './beta';

describe('beta', () => {
  it('recovers the slope of a linear relation', () => {
    const b = [0.01, -0.02, 0.015, 0.003, -0.007];
    expect(beta(b.map((x) => 2 * x + 0.001), b)).toBeCloseTo(2, 12);
    expect(beta(b.map((x) => -0.5 * x), b)).toBeCloseTo(-0.5, 12);
  });

  it('is null when the benchmark does not move or there is too little data', () => {
    expect(beta([0.01, 0.02], [0.01, 0.01])).toBeNull();
    expect(beta([0.01], [0.01])).toBeNull();
  });

  it('refuses series of different lengths', () => {
    expect(() => beta([0.1, 0.2], [0.1])).toThrow(/2 portfolio returns but 1 benchmark/);
  });
});
