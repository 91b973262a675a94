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
    expect(parseHash('#/sessions')).toEqual({ name: 'sessions' });
    expect(parseHash('#/sessions/s-1')).toEqual({ name: 'session', id: 's-1' });
    expect(parseHash('#/sessions/')).toEqual({ name: 'sessions' });
    expect(parseHash('#/research')).toEqual({ name: 'research', from: null });
    expect(parseHash('#/research?from=r1')).toEqual({ name: 'research', from: 'r1' });
    expect(parseHash('#/research/sweeps/s-1')).toEqual({ name: 'sweep', id: 's-1' });
    expect(parseHash('#/research/walkforward/w-1')).toEqual({ name: 'walkForward', id: 'w-1' });
  });

  it('takes an incomplete research address as the research hub', () => {
    expect(parseHash('#/research/sweeps')).toEqual({ name: 'research', from: null });
    expect(parseHash('#/research/walkforward/')).toEqual({ name: 'research', from: null });
    expect(parseHash('#/research/other/x')).toEqual({ name: 'research', from: null });
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
      { name: 'sessions' },
      { name: 'session', id: 'a/b c' },
      { name: 'research', from: null },
      { name: 'research', from: 'a b' },
      { name: 'sweep', id: 'x/y' },
      { name: 'walkForward', id: 'w 1' },
    ];
    for (const r of routes) expect(parseHash(routeHash(r))).toEqual(r);
  });
});
