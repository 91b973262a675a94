import { describe, expect, it } from 'vitest';
import { parseHash, routeHash } from '../../app/routes';

describe('data route', () => {
  it('addresses the data screen as #/data and back', () => {
    expect(parseHash('#/data')).toEqual({ name: 'data' });
    expect(routeHash({ name: 'data' })).toBe('#/data');
  });
});
