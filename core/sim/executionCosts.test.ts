import { describe, it, expect } from 'vitest';
import { defaultSimulatorConfig, type SimulatorConfig } from '../config/simulatorSchema';
import { costFraction } from './executionCosts';

const sim = (over: Partial<SimulatorConfig>): SimulatorConfig => ({ ...defaultSimulatorConfig(), ...over });

describe('costFraction', () => {
  it('is half the spread plus slippage without impact', () => {
    // defaults: spread 2 bps -> 1 bp, slippage 5 bps.
    expect(costFraction(defaultSimulatorConfig(), 100, 0.02, 1e6)).toBeCloseTo(0.0006, 15);
  });

  it('adds square-root impact when impact_k > 0 and sigma/ADV are known', () => {
    const cfg = sim({ spread_bps: 0, slippage_bps: 0, impact_k: 0.5 });
    // 0.5 * 0.02 * sqrt(10_000 / 1_000_000) = 0.5 * 0.02 * 0.1 = 0.001
    expect(costFraction(cfg, 10_000, 0.02, 1_000_000)).toBeCloseTo(0.001, 15);
  });

  it('drops impact when sigma or ADV is unknown or ADV is zero', () => {
    const cfg = sim({ spread_bps: 4, slippage_bps: 0, impact_k: 1 });
    expect(costFraction(cfg, 100, Number.NaN, 1e6)).toBeCloseTo(0.0002, 15);
    expect(costFraction(cfg, 100, 0.02, Number.NaN)).toBeCloseTo(0.0002, 15);
    expect(costFraction(cfg, 100, 0.02, 0)).toBeCloseTo(0.0002, 15);
  });
});
