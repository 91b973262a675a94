import { describe, expect, it } from 'vitest';
import { walkForwardEfficiency } from './efficiency';

describe('walkForwardEfficiency', () => {
  it('averages out-of-sample over in-sample annualised returns, leaving out non-positive in-sample and undefined returns', () => {
    const e = walkForwardEfficiency([
      { inSample: 20, outOfSample: 10 }, // 0.5
      { inSample: 10, outOfSample: -5 }, // -0.5
      { inSample: 40, outOfSample: 40 }, // 1
      { inSample: 0, outOfSample: 30 }, // left out: no in-sample gain
      { inSample: -10, outOfSample: 5 }, // left out: a loss in sample
      { inSample: 15, outOfSample: null }, // left out: undefined out of sample
      { inSample: null, outOfSample: 3 }, // left out: undefined in sample
    ]);
    expect(e).toBeCloseTo(1 / 3, 12);
  });

  it('is null when no window qualifies', () => {
    expect(walkForwardEfficiency([])).toBeNull();
    expect(walkForwardEfficiency([{ inSample: -1, outOfSample: 2 }])).toBeNull();
  });
});
