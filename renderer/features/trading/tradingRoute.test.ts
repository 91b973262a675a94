import { describe, expect, it } from 'vitest';
import { parseHash, routeHash } from '../../app/routes';

describe('trading route', () => {
  it('is addressed by #/trading', () => {
    expect(parseHash('#/trading')).toEqual({ name: 'trading' });
    expect(routeHash({ name: 'trading' })).toBe('#/trading');
  });
});
