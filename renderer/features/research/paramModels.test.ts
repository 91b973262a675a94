import { describe, expect, it } from 'vitest';
import { strategyInfos } from '../../../core/service/backtests/specForm';
import { niceStepBelow, paramModels, suggestRange, type NumberParam } from './paramModels';

const info = (name: string) => strategyInfos().find((s) => s.name === name);
const int = (over: Partial<NumberParam> = {}): NumberParam => ({ kind: 'number', name: 'n', label: 'N', integer: true, minExclusive: false, ...over });

describe('paramModels', () => {
  it('reads a built-in strategy’s schema: integers with their bounds, an enum’s choices, a positive number', () => {
    const models = paramModels(info('sma-cross'));
    expect(models.map((m) => [m.name, m.kind])).toEqual([
      ['fast', 'number'],
      ['slow', 'number'],
      ['mode', 'choice'],
      ['weight', 'number'],
    ]);
    // `> 0` on an integer is `≥ 1`; on a number it stays exclusive.
    expect(models[0]).toMatchObject({ integer: true, min: 1, minExclusive: false, max: undefined, defaultValue: 10 });
    expect(models[2]).toMatchObject({ options: ['long_only', 'long_short'], defaultValue: 'long_only' });
    expect(models[3]).toMatchObject({ integer: false, min: 0, minExclusive: true });
  });

  it('keeps text it cannot vary as a fixed value', () => {
    expect(paramModels(info('targets')).map((m) => [m.name, m.kind])).toEqual([
      ['file', 'fixed'],
      ['kind', 'choice'],
    ]);
    expect(paramModels(undefined)).toEqual([]);
  });
});

describe('suggestRange', () => {
  it('spans half to twice the value in about ten round steps, integers by at least 1', () => {
    expect(suggestRange(int(), 10)).toEqual({ from: 5, to: 20, step: 1 });
    expect(suggestRange(int(), 20)).toEqual({ from: 10, to: 40, step: 2 });
    expect(suggestRange(int(), 126)).toEqual({ from: 60, to: 260, step: 10 });
    expect(suggestRange(int(), 3)).toEqual({ from: 1, to: 6, step: 1 });
  });

  it('keeps fractional ranges tidy and inside the bounds', () => {
    expect(suggestRange(int({ integer: false, min: 0, minExclusive: true }), 1)).toEqual({ from: 0.5, to: 2, step: 0.1 });
    expect(suggestRange(int({ integer: false, min: 0, max: 1 }), 0.8)).toEqual({ from: 0.4, to: 1, step: 0.1 });
    expect(suggestRange(int({ min: 1 }), 0)).toEqual({ from: 1, to: 10, step: 1 });
    expect(suggestRange(int(), -10)).toEqual({ from: -20, to: -5, step: 1 });
  });

  it('falls back to the default when the value is not a number', () => {
    expect(suggestRange(int({ defaultValue: 10 }), undefined)).toEqual({ from: 5, to: 20, step: 1 });
  });
});

describe('niceStepBelow', () => {
  it('rounds down to 1, 2 or 5 times a power of ten', () => {
    expect([1.5, 3, 18.9, 0.15, 5, 0.0042].map(niceStepBelow)).toEqual([1, 2, 10, 0.1, 5, 0.002]);
  });
});
