import { describe, expect, it } from 'vitest';
import { heatColour, heatPosition, legendGradient } from './heatScale';

describe('heat scale', () => {
  it('places a value from worst to best, flipped when lower is better', () => {
    expect(heatPosition(2, [0, 4], 'max')).toBe(0.5);
    expect(heatPosition(4, [0, 4], 'max')).toBe(1);
    expect(heatPosition(4, [0, 4], 'min')).toBe(0);
    expect(heatPosition(3, [3, 3], 'max')).toBe(0.5);
  });

  it('colours the best green and the worst red, whichever way is better', () => {
    expect(heatColour(4, [0, 4], 'max')).toBe('rgb(8, 153, 129)');
    expect(heatColour(0, [0, 4], 'max')).toBe('rgb(242, 54, 69)');
    expect(heatColour(0, [0, 4], 'min')).toBe('rgb(8, 153, 129)');
    expect(heatColour(2, [0, 4], 'min')).toBe('rgb(247, 166, 0)');
  });

  it('draws the legend low to high in the same colours', () => {
    expect(legendGradient('max')).toBe('linear-gradient(to right, rgb(242, 54, 69), rgb(247, 166, 0), rgb(8, 153, 129))');
    expect(legendGradient('min')).toBe('linear-gradient(to right, rgb(8, 153, 129), rgb(247, 166, 0), rgb(242, 54, 69))');
  });
});
