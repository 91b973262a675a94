import { describe, expect, it } from 'vitest';
import { paramStability } from './stability';

describe('paramStability', () => {
  it('finds the most chosen value, its share, the distinct count and the numeric spread per parameter', () => {
    const chosen = [
      { fast: 10, slow: 50, mode: 'long_only' },
      { fast: 20, slow: 50, mode: 'long_short' },
      { fast: 10, slow: 60, mode: 'long_short' },
      { fast: 5, slow: 50, mode: 'long_only' },
    ];
    expect(paramStability(['fast', 'slow', 'mode'], chosen)).toEqual([
      { name: 'fast', mostChosen: 10, share: 0.5, distinct: 3, min: 5, max: 20 },
      { name: 'slow', mostChosen: 50, share: 0.75, distinct: 2, min: 50, max: 60 },
      // A tie goes to the value chosen first; text has no numeric spread.
      { name: 'mode', mostChosen: 'long_only', share: 0.5, distinct: 2, min: null, max: null },
    ]);
  });

  it('without windows has nothing chosen', () => {
    expect(paramStability(['fast'], [])).toEqual([{ name: 'fast', mostChosen: null, share: 0, distinct: 0, min: null, max: null }]);
  });
});
