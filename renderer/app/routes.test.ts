import { describe, expect, it } from 'vitest';
import { parseHash, routeHash, type Route } from './routes';

describe('routes', () => {
  it('parses every screen', () => {
    expect(parseHash('#/backtests')).toEqual({ name: 'backtests' });
    expect(parseHash('#/new')).toEqual({ name: 'new', from: null });
    expect(parseHash('#/new?from=r1')).toEqual({ name: 'new', from: 'r1' });
    expect(parseHash('#/runs/abc-1')).toEqual({ name: 'run', runId: 'abc-1' });
    expect(parseHash('#/compare?ids=a,b,c')).toEqual({ name: 'compare', ids: ['a', 'b', 'c'] });
    expect(parseHash('#/compare')).toEqual({ name: 'compare', ids: [] });
    expect(parseHash('#/jobs')).toEqual({ name: 'jobs' });
    expect(parseHash('#/log')).toEqual({ name: 'log' });
  });

  it('falls back to the list for an empty or unknown hash', () => {
    expect(parseHash('')).toEqual({ name: 'backtests' });
    expect(parseHash('#/')).toEqual({ name: 'backtests' });
    expect(parseHash('#/nowhere/1')).toEqual({ name: 'backtests' });
    expect(parseHash('#/runs')).toEqual({ name: 'backtests' });
  });

  it('round-trips every route', () => {
    const routes: Route[] = [
      { name: 'backtests' },
      { name: 'new', from: null },
      { name: 'new', from: 'a b' },
      { name: 'run', runId: 'x/y' },
      { name: 'compare', ids: ['a', 'b'] },
      { name: 'compare', ids: [] },
      { name: 'jobs' },
      { name: 'log' },
    ];
    for (const r of routes) expect(parseHash(routeHash(r))).toEqual(r);
  });
});
