import { describe, expect, it } from 'vitest';
import { withAlpha } from './lwChartOptions';

describe('withAlpha', () => {
  it('appends the alpha to a six-digit hex colour', () => {
    expect(withAlpha('#f23645', 1 / 3)).toBe('#f2364555');
    expect(withAlpha('#F23645', 2)).toBe('#F23645ff');
  });

  it('leaves other spellings alone', () => {
    expect(withAlpha('rgb(1, 2, 3)', 0.5)).toBe('rgb(1, 2, 3)');
  });
});
