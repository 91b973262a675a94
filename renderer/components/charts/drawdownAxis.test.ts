import { describe, expect, it } from 'vitest';
import { drawdownAxis } from './drawdownAxis';

describe('drawdownAxis', () => {
  it('rounds the depth to a step that gives at most four intervals', () => {
    expect(drawdownAxis(-33.42)).toEqual({ domain: [-40, 0], ticks: [-40, -30, -20, -10, 0] });
    expect(drawdownAxis(-7.2)).toEqual({ domain: [-8, 0], ticks: [-8, -6, -4, -2, 0] });
    expect(drawdownAxis(-88)).toEqual({ domain: [-100, 0], ticks: [-100, -75, -50, -25, 0] });
  });

  it('still draws an axis for a run that never fell', () => {
    expect(drawdownAxis(0)).toEqual({ domain: [-1, 0], ticks: [-1, 0] });
  });
});
