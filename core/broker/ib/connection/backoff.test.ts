import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const cfg = { initialMs: 100, maxMs: 1_000, factor: 2, jitter: 0.5 };

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, cfg, noJitter))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('takes away at most the jitter fraction', () => {
    expect(backoffDelay(2, cfg, () => 1)).toBe(200);
    expect(backoffDelay(2, cfg, () => 0.5)).toBe(300);
  });
});
