import { describe, it, expect } from 'vitest';
import { defaultSimulatorConfig } from '../config/simulatorSchema';
import { fillableQuantity } from './fillQuantity';

const sim = defaultSimulatorConfig();

describe('fillableQuantity', () => {
  it('fills the whole remainder when capacity allows, fractional or not', () => {
    expect(fillableQuantity(10.5, 100, 1000, sim)).toBe(10.5);
    expect(fillableQuantity(10.5, Number.POSITIVE_INFINITY, 1000, sim)).toBe(10.5);
  });

  it('rounds a binding finite capacity down to whole units', () => {
    expect(fillableQuantity(500, 123.9, 1239, sim)).toBe(123);
    expect(fillableQuantity(0.5, 0.4, 4, sim)).toBe(0);
  });

  it('fills nothing on a zero-volume bar when volume constraints are on', () => {
    expect(fillableQuantity(10, Number.POSITIVE_INFINITY, 0, sim)).toBe(0);
  });

  it('ignores zero volume when volume constraints are off', () => {
    expect(fillableQuantity(10, Number.POSITIVE_INFINITY, 0, { ...sim, use_volume_constraints: false })).toBe(10);
  });

  it('fills nothing when other orders used the capacity up', () => {
    expect(fillableQuantity(10, 0, 1000, sim)).toBe(0);
    expect(fillableQuantity(10, -3, 1000, sim)).toBe(0);
  });
});
