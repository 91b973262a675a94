import { describe, expect, it } from 'vitest';
import { medianStepSeconds } from './barStep';

describe('medianStepSeconds', () => {
  it('is the median spacing in seconds, so weekend gaps do not change a daily step', () => {
    const day = 86_400_000;
    // Thu, Fri, Mon, Tue: steps 1, 3, 1 days.
    expect(medianStepSeconds(Float64Array.from([0, day, 4 * day, 5 * day]))).toBe(86_400);
  });

  it('averages the middle two steps when there is an even number of steps', () => {
    expect(medianStepSeconds(Float64Array.from([0, 1000, 3000]))).toBe(1.5);
  });

  it('is 0 with fewer than two stamps', () => {
    expect(medianStepSeconds(new Float64Array(0))).toBe(0);
    expect(medianStepSeconds(Float64Array.from([5]))).toBe(0);
  });
});
