import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../config/ConfigError';
import type { SweepAxis } from '../ipc/contract/research';
import { smaCross } from '../strategy/builtin/smaCross';
import { MAX_COMBINATIONS, planSweep, type Search, type SweepDefinition } from './combinations';
import { paramInfos, type ParamInfo } from './paramInfo';
import type { Combination } from './where';

/** sma-cross's parameters as a sweep reads them: fast, slow (integers > 0), mode (a choice), weight (a number > 0). */
const SMA = paramInfos(z.toJSONSchema(smaCross.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>);
const GRID: Search = { kind: 'grid' };

const def = (axes: SweepAxis[], where = '', search: Search = GRID): SweepDefinition => ({ axes, search, where });
const plan = (axes: SweepAxis[], opts: { where?: string; search?: Search; infos?: readonly ParamInfo[] | null } = {}) =>
  planSweep(def(axes, opts.where, opts.search), opts.infos === undefined ? SMA : opts.infos);
const valuesOf = (combos: readonly Combination[], name: string) => combos.map((c) => c[name]);

/** The ConfigError `run` throws (failing the test if it throws nothing or something else). */
function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}
const planError = (axes: SweepAxis[], opts: { where?: string; search?: Search; infos?: readonly ParamInfo[] | null } = {}) =>
  configError(() => plan(axes, opts));

describe('planSweep: grid', () => {
  it('varies the last axis fastest, like nested loops in axis order', () => {
    const p = plan([
      { name: 'fast', values: [1, 2] },
      { name: 'slow', values: [10, 20, 30] },
    ]);
    expect(p.paramNames).toEqual(['fast', 'slow']);
    expect(p.combinations).toEqual([
      { fast: 1, slow: 10 },
      { fast: 1, slow: 20 },
      { fast: 1, slow: 30 },
      { fast: 2, slow: 10 },
      { fast: 2, slow: 20 },
      { fast: 2, slow: 30 },
    ]);
  });

  it('puts combination i at the same place on every call: a mixed-radix count over the axes', () => {
    const axes: SweepAxis[] = [
      { name: 'fast', min: 1, max: 3, step: 1 },
      { name: 'mode', values: ['long_only', 'long_short'] },
      { name: 'slow', min: 10, max: 40, step: 10 },
    ];
    const a = plan(axes);
    const b = plan(axes.map((x) => ({ ...x })));
    expect(b).toEqual(a);
    expect(a.combinations).toHaveLength(3 * 2 * 4);
    const fast = [1, 2, 3];
    const mode = ['long_only', 'long_short'];
    const slow = [10, 20, 30, 40];
    a.combinations.forEach((c, i) => {
      expect(c).toEqual({ fast: fast[Math.floor(i / 8)], mode: mode[Math.floor(i / 4) % 2], slow: slow[i % 4] });
      // Keys follow axis order, so a combination prints the same way everywhere.
      expect(Object.keys(c)).toEqual(['fast', 'mode', 'slow']);
    });
  });

  it('includes both ends of a range, and stops at the last step not past the end', () => {
    expect(valuesOf(plan([{ name: 'fast', min: 5, max: 50, step: 5 }]).combinations, 'fast')).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(valuesOf(plan([{ name: 'fast', min: 1, max: 10, step: 3 }]).combinations, 'fast')).toEqual([1, 4, 7, 10]);
    expect(valuesOf(plan([{ name: 'fast', min: 1, max: 9, step: 3 }]).combinations, 'fast')).toEqual([1, 4, 7]);
    expect(valuesOf(plan([{ name: 'fast', min: 7, max: 7, step: 2 }]).combinations, 'fast')).toEqual([7]);
  });

  it('steps fractional ranges without drift: each value is the decimal the trader wrote', () => {
    expect(valuesOf(plan([{ name: 'weight', min: 0.1, max: 0.5, step: 0.1 }]).combinations, 'weight')).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    // 0.1 * 3 is 0.30000000000000004 and 0.1 * 7 is 0.7000000000000001 in doubles; 1 must not be lost to rounding.
    const tenths = valuesOf(planSweep(def([{ name: 'x', min: 0, max: 1, step: 0.1 }]), null).combinations, 'x');
    expect(tenths).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(valuesOf(planSweep(def([{ name: 'x', min: -1, max: 1, step: 0.25 }]), null).combinations, 'x')).toEqual([
      -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1,
    ]);
    expect(valuesOf(planSweep(def([{ name: 'x', min: 1e-6, max: 5e-6, step: 1e-6 }]), null).combinations, 'x')).toEqual([1e-6, 2e-6, 3e-6, 4e-6, 5e-6]);
  });

  it('keeps every digit of large or finely stepped ranges', () => {
    expect(valuesOf(planSweep(def([{ name: 'x', min: 1e12, max: 1e12 + 3, step: 1 }]), null).combinations, 'x')).toEqual([1e12, 1e12 + 1, 1e12 + 2, 1e12 + 3]);
    expect(valuesOf(planSweep(def([{ name: 'x', min: 123456789012345, max: 123456789012347, step: 1 }]), null).combinations, 'x')).toEqual([
      123456789012345, 123456789012346, 123456789012347,
    ]);
    expect(valuesOf(planSweep(def([{ name: 'x', min: 1000000.0000001, max: 1000000.0000003, step: 1e-7 }]), null).combinations, 'x')).toEqual([
      1000000.0000001, 1000000.0000002, 1000000.0000003,
    ]);
  });

  it('steps an integer parameter by 1 when its range has no step', () => {
    const p = plan([{ name: 'fast', min: 3, max: 6 }]);
    expect(valuesOf(p.combinations, 'fast')).toEqual([3, 4, 5, 6]);
  });

  it('deduplicates listed values, keeping their first order', () => {
    expect(valuesOf(plan([{ name: 'fast', values: [10, 5, 10, 5, 20] }]).combinations, 'fast')).toEqual([10, 5, 20]);
    const anything = planSweep(def([{ name: 'x', values: ['a', true, 'a', 1, true, '1'] }]), null);
    expect(valuesOf(anything.combinations, 'x')).toEqual(['a', true, 1, '1']);
  });

  it('keeps only the combinations the where holds for, in grid order', () => {
    const axes: SweepAxis[] = [
      { name: 'fast', min: 1, max: 4, step: 1 },
      { name: 'slow', min: 2, max: 5, step: 1 },
    ];
    const all = plan(axes).combinations;
    const kept = plan(axes, { where: 'fast < slow and slow - fast >= 2' }).combinations;
    expect(kept).toEqual(all.filter((c) => (c.fast as number) < (c.slow as number) && (c.slow as number) - (c.fast as number) >= 2));
    expect(kept).toEqual([
      { fast: 1, slow: 3 },
      { fast: 1, slow: 4 },
      { fast: 1, slow: 5 },
      { fast: 2, slow: 4 },
      { fast: 2, slow: 5 },
      { fast: 3, slow: 5 },
    ]);
  });

  it('treats a whitespace-only where as no filter', () => {
    expect(plan([{ name: 'fast', values: [1, 2, 3] }], { where: '   ' }).combinations).toHaveLength(3);
  });

  it('allows exactly MAX_COMBINATIONS combinations, and more once a where cuts them down', () => {
    const axes: SweepAxis[] = [
      { name: 'a', min: 1, max: 500, step: 1 },
      { name: 'b', min: 1, max: 400, step: 1 },
    ];
    expect(500 * 400).toBe(MAX_COMBINATIONS);
    expect(plan(axes, { infos: null }).combinations).toHaveLength(MAX_COMBINATIONS);
    const wide: SweepAxis[] = [axes[0], { name: 'b', min: 1, max: 401, step: 1 }];
    // a < b keeps 400 + 399 + ... + 1 of the 500 x 401.
    expect(plan(wide, { infos: null, where: 'a < b' }).combinations).toHaveLength((400 * 401) / 2);
  });
});

describe('planSweep: random search', () => {
  const space: SweepAxis[] = [
    { name: 'fast', min: 1, max: 30 },
    { name: 'slow', min: 5, max: 60, step: 5 },
    { name: 'mode', values: ['long_only', 'long_short'] },
  ];
  const random = (samples: number, seed = 1): Search => ({ kind: 'random', samples, seed });

  it('draws the same combinations for the same seed, and others for another seed', () => {
    const a = plan(space, { search: random(50, 7) });
    const b = plan(space, { search: random(50, 7) });
    const c = plan(space, { search: random(50, 8) });
    expect(a.paramNames).toEqual(['fast', 'slow', 'mode']);
    expect(b.combinations).toEqual(a.combinations);
    expect(c.combinations).not.toEqual(a.combinations);
  });

  it('draws `samples` distinct combinations, each from the axes', () => {
    const { combinations } = plan(space, { search: random(200, 3) });
    expect(combinations).toHaveLength(200);
    expect(new Set(combinations.map((c) => JSON.stringify(c))).size).toBe(200);
    for (const c of combinations) {
      expect(Number.isInteger(c.fast) && (c.fast as number) >= 1 && (c.fast as number) <= 30).toBe(true);
      expect([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]).toContain(c.slow);
      expect(['long_only', 'long_short']).toContain(c.mode);
    }
  });

  it('keeps only combinations the where holds for', () => {
    const { combinations } = plan(space, { search: random(100, 5), where: 'slow - fast >= 20 and mode == "long_short"' });
    expect(combinations).toHaveLength(100);
    for (const c of combinations) {
      expect((c.slow as number) - (c.fast as number)).toBeGreaterThanOrEqual(20);
      expect(c.mode).toBe('long_short');
    }
  });

  it('draws integers from both ends of an integer range', () => {
    const { combinations } = plan([{ name: 'fast', min: 1, max: 3 }], { search: random(3, 11) });
    expect(new Set(valuesOf(combinations, 'fast'))).toEqual(new Set([1, 2, 3]));
  });

  it('ends with fewer combinations than `samples` when the space is smaller', () => {
    const { combinations } = plan(
      [
        { name: 'fast', min: 1, max: 2 },
        { name: 'mode', values: ['long_only', 'long_short'] },
      ],
      { search: random(50, 2) },
    );
    expect(combinations).toHaveLength(4);
    expect(new Set(combinations.map((c) => `${c.fast}/${c.mode}`))).toEqual(new Set(['1/long_only', '1/long_short', '2/long_only', '2/long_short']));
  });

  it('draws a number range without a step uniformly inside it', () => {
    const { combinations } = plan([{ name: 'weight', min: 0.5, max: 2 }], { search: random(100, 4) });
    const w = valuesOf(combinations, 'weight') as number[];
    expect(w).toHaveLength(100);
    for (const v of w) {
      expect(v).toBeGreaterThanOrEqual(0.5);
      expect(v).toBeLessThanOrEqual(2);
    }
    expect(w.some((v) => !Number.isInteger(v * 10))).toBe(true);
    expect(w.some((v) => v < 1.25) && w.some((v) => v > 1.25)).toBe(true);
  });

  it('draws a range of an unknown (user-module) parameter without a step as a continuous range', () => {
    const { combinations } = plan([{ name: 'k', min: 1, max: 3 }], { search: random(20, 9), infos: null });
    expect(combinations).toHaveLength(20);
    expect(combinations.some((c) => !Number.isInteger(c.k))).toBe(true);
  });
});

describe('planSweep: errors', () => {
  it('names an unknown parameter and lists the known ones', () => {
    const e = planError([{ name: 'fsat', values: [1] }]);
    expect(e.file).toBe('sweep');
    expect(e.issues).toEqual([{ path: 'axes.fsat', message: 'the strategy has no parameter "fsat" (it has fast, slow, mode, weight)' }]);
    expect(e.message).toBe('sweep: axes.fsat: the strategy has no parameter "fsat" (it has fast, slow, mode, weight)');
    expect(planError([{ name: 'x', values: [1] }], { infos: [] }).issues).toEqual([{ path: 'axes.x', message: 'the strategy has no parameter "x" (it has none)' }]);
  });

  it('labels the error as asked', () => {
    const e = configError(() => planSweep(def([{ name: 'nope', values: [1] }]), SMA, 'window 3'));
    expect(e.file).toBe('window 3');
    expect(e.message).toMatch(/^window 3: axes\.nope: /);
  });

  it('refuses a parameter varied twice', () => {
    const e = planError([
      { name: 'fast', values: [1] },
      { name: 'fast', values: [2] },
    ]);
    expect(e.issues).toEqual([{ path: 'axes.fast', message: 'fast is varied twice' }]);
  });

  it('refuses a range that starts above its end', () => {
    expect(planError([{ name: 'fast', min: 10, max: 5, step: 1 }]).issues).toEqual([{ path: 'axes.fast', message: 'the range starts above its end (10 > 5)' }]);
    expect(planError([{ name: 'x', min: 2, max: 1 }], { infos: null }).issues).toEqual([{ path: 'axes.x', message: 'the range starts above its end (2 > 1)' }]);
  });

  it('refuses a fractional range or step on an integer parameter', () => {
    const message = 'fast takes integers: the range and its step must be whole numbers';
    expect(planError([{ name: 'fast', min: 1.5, max: 5 }]).issues).toEqual([{ path: 'axes.fast', message }]);
    expect(planError([{ name: 'fast', min: 1, max: 5.5 }]).issues).toEqual([{ path: 'axes.fast', message }]);
    expect(planError([{ name: 'fast', min: 1, max: 5, step: 0.5 }]).issues).toEqual([{ path: 'axes.fast', message }]);
  });

  it('refuses a range on a choice or boolean parameter', () => {
    expect(planError([{ name: 'mode', min: 0, max: 1, step: 1 }]).issues).toEqual([
      { path: 'axes.mode', message: 'mode is a choice parameter: list its values instead of a range' },
    ]);
    const flag = paramInfos(z.toJSONSchema(z.object({ flag: z.boolean() })) as Record<string, unknown>);
    expect(planError([{ name: 'flag', min: 0, max: 1, step: 1 }], { infos: flag }).issues).toEqual([
      { path: 'axes.flag', message: 'flag is a boolean parameter: list its values instead of a range' },
    ]);
  });

  it('needs a step for a grid over a number range, but not for a random search', () => {
    expect(planError([{ name: 'weight', min: 0.5, max: 2 }]).issues).toEqual([
      { path: 'axes.weight', message: 'a grid needs a step for weight (e.g. weight=0.5:2:step)' },
    ]);
    expect(planError([{ name: 'k', min: 1, max: 3 }], { infos: null }).issues).toEqual([{ path: 'axes.k', message: 'a grid needs a step for k (e.g. k=1:3:step)' }]);
  });

  it('refuses listed values the parameter cannot take, one issue per value', () => {
    expect(planError([{ name: 'fast', values: [0, 5, -1] }]).issues).toEqual([
      { path: 'axes.fast', message: 'fast must be > 0, not 0' },
      { path: 'axes.fast', message: 'fast must be > 0, not -1' },
    ]);
    expect(planError([{ name: 'fast', values: ['ten', 2.5] }]).issues).toEqual([
      { path: 'axes.fast', message: 'fast takes a number, not "ten"' },
      { path: 'axes.fast', message: 'fast takes an integer, not 2.5' },
    ]);
    expect(planError([{ name: 'mode', values: ['long_only', 'both'] }]).issues).toEqual([
      { path: 'axes.mode', message: 'mode is one of "long_only", "long_short", not "both"' },
    ]);
  });

  it('refuses stepped values outside the bounds', () => {
    expect(planError([{ name: 'weight', min: -0.5, max: 1, step: 0.5 }]).issues).toEqual([
      { path: 'axes.weight', message: 'weight must be > 0, not -0.5' },
      { path: 'axes.weight', message: 'weight must be > 0, not 0' },
    ]);
    expect(planError([{ name: 'fast', min: 0, max: 3 }]).issues).toEqual([{ path: 'axes.fast', message: 'fast must be > 0, not 0' }]);
  });

  it('checks both ends of a continuous range against the bounds', () => {
    const bounded = paramInfos(z.toJSONSchema(z.object({ r: z.number().min(0).max(1) })) as Record<string, unknown>);
    const e = planError([{ name: 'r', min: -1, max: 2 }], { infos: bounded, search: { kind: 'random', samples: 5, seed: 1 } });
    expect(e.issues).toEqual([
      { path: 'axes.r', message: 'r must be >= 0, not -1' },
      { path: 'axes.r', message: 'r must be <= 1, not 2' },
    ]);
    expect(planError([{ name: 'weight', min: 0, max: 2 }], { search: { kind: 'random', samples: 5, seed: 1 } }).issues).toEqual([
      { path: 'axes.weight', message: 'weight must be > 0, not 0' },
    ]);
  });

  it('reports a malformed where under "where", without its "where: " prefix', () => {
    const e = planError([{ name: 'fast', values: [1] }], { where: 'fast <' });
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0].path).toBe('where');
    expect(e.issues[0].message).toMatch(/^expected a value at 6/);
    // Only the varied parameters can be named, even ones the strategy has.
    expect(planError([{ name: 'fast', values: [1] }], { where: 'fast < slow' }).issues).toEqual([
      { path: 'where', message: 'unknown parameter "slow" at 7 (known: fast)' },
    ]);
  });

  it('reports a where that fails on a combination under "where"', () => {
    const e = planError(
      [
        { name: 'fast', values: [1] },
        { name: 'mode', values: ['long_only'] },
      ],
      { where: 'fast < mode' },
    );
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0].path).toBe('where');
    expect(e.issues[0].message).toContain('"<" needs numbers');
    expect(e.issues[0].message).not.toMatch(/^where: /);
    const r = planError([{ name: 'x', values: [1, 'a'] }], { infos: null, where: 'x > 0', search: { kind: 'random', samples: 2, seed: 1 } });
    expect(r.issues[0].path).toBe('where');
  });

  it('reports every problem at once, each under its axis, the where too', () => {
    const e = planError(
      [
        { name: 'fast', min: 5, max: 1, step: 1 },
        { name: 'slow', values: [0] },
        { name: 'nope', values: [1] },
      ],
      { where: 'fast <' },
    );
    expect(e.issues.map((i) => i.path)).toEqual(['axes.fast', 'axes.slow', 'axes.nope', 'where']);
    expect(e.path).toBe('axes.fast');
    expect(e.message.split('\n')).toHaveLength(4);
  });

  it('says when no combination is left', () => {
    expect(
      planError(
        [
          { name: 'fast', values: [10, 20] },
          { name: 'slow', values: [5] },
        ],
        { where: 'fast < slow' },
      ).issues,
    ).toEqual([{ path: 'where', message: 'no combination is left to run' }]);
    expect(planError([{ name: 'fast', min: 1, max: 5 }], { where: 'fast > 5', search: { kind: 'random', samples: 3, seed: 1 } }).issues).toEqual([
      { path: 'where', message: 'no combination is left to run' },
    ]);
  });

  it('refuses an axis of more than MAX_COMBINATIONS values', () => {
    expect(planError([{ name: 'x', min: 0, max: MAX_COMBINATIONS, step: 1 }], { infos: null }).issues).toEqual([
      { path: 'axes.x', message: '0..200000 by 1 makes more than 200,000 values' },
    ]);
  });

  it('refuses a grid of more than MAX_COMBINATIONS combinations', () => {
    const e = planError(
      [
        { name: 'a', min: 1, max: 500, step: 1 },
        { name: 'b', min: 1, max: 401, step: 1 },
      ],
      { infos: null },
    );
    expect(e.issues).toEqual([{ path: 'axes', message: 'the grid makes more than 200,000 combinations; narrow a range or add a where' }]);
  });
});

describe('planSweep: a user module (infos = null)', () => {
  it('takes any name and any values, since nothing is known of the parameters', () => {
    const p = planSweep(
      def([
        { name: 'anything', values: ['x', 1, true] },
        { name: 'ratio', min: 0.5, max: 1.5, step: 0.5 },
        { name: 'n', min: -2, max: 0, step: 1 },
      ]),
      null,
    );
    expect(p.paramNames).toEqual(['anything', 'ratio', 'n']);
    expect(p.combinations).toHaveLength(3 * 3 * 3);
    expect(p.combinations[0]).toEqual({ anything: 'x', ratio: 0.5, n: -2 });
    expect(p.combinations[26]).toEqual({ anything: true, ratio: 1.5, n: 0 });
  });

  it('still refuses what is wrong whatever the parameters are', () => {
    const e = configError(() =>
      planSweep(
        def(
          [
            { name: 'a', values: [1] },
            { name: 'a', min: 3, max: 1, step: 1 },
          ],
          'b > 1',
        ),
        null,
      ),
    );
    expect(e.issues).toEqual([
      { path: 'axes.a', message: 'a is varied twice' },
      { path: 'axes.a', message: 'the range starts above its end (3 > 1)' },
      { path: 'where', message: 'unknown parameter "b" at 0 (known: a)' },
    ]);
  });
});
