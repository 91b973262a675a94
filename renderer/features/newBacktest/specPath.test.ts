import { describe, expect, it } from 'vitest';
import { getAt, setAt } from './specPath';

describe('spec paths', () => {
  const spec = { name: 'x', simulator: { slippage_bps: 5, commission: { model: 'none' } } };

  it('reads dotted paths', () => {
    expect(getAt(spec, 'simulator.slippage_bps')).toBe(5);
    expect(getAt(spec, 'simulator.commission.model')).toBe('none');
    expect(getAt(spec, 'simulator.missing.deeper')).toBeUndefined();
    expect(getAt(spec, 'name.length')).toBeUndefined();
  });

  it('writes without mutating and creates missing objects', () => {
    const next = setAt(spec, 'simulator.slippage_bps', 3);
    expect(getAt(next, 'simulator.slippage_bps')).toBe(3);
    expect(spec.simulator.slippage_bps).toBe(5);
    expect(next.simulator).not.toBe(spec.simulator);
    expect(getAt(setAt(spec, 'strategy.params.fast', 7), 'strategy.params')).toEqual({ fast: 7 });
  });

  it('removes a key set to undefined', () => {
    const next = setAt(spec, 'simulator.commission.model', undefined);
    expect(next.simulator).toEqual({ slippage_bps: 5, commission: {} });
    expect('start' in setAt({ start: '2001-01-01' }, 'start', undefined)).toBe(false);
  });
});
