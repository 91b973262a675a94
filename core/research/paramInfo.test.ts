import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buyAndHold } from '../strategy/builtin/buyAndHold';
import { equalWeight } from '../strategy/builtin/equalWeight';
import { momentum } from '../strategy/builtin/momentum';
import { smaCross } from '../strategy/builtin/smaCross';
import { targets } from '../strategy/builtin/targets';
import { paramInfos, valueProblem, type ParamInfo } from './paramInfo';

/** A params schema's JSON Schema as the sweep reads it (the one the spec form is generated from). */
const jsonOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
const infosOf = (schema: z.ZodType) => paramInfos(jsonOf(schema));

const BASE = { choices: [], min: null, minExclusive: false, max: null, maxExclusive: false, default: null };
const info = (over: Partial<ParamInfo> & Pick<ParamInfo, 'name' | 'kind'>): ParamInfo => ({ ...BASE, ...over });
const positiveInt = (name: string, dflt: number) => info({ name, kind: 'integer', min: 0, minExclusive: true, default: dflt });
const WEIGHT = info({ name: 'weight', kind: 'number', min: 0, minExclusive: true, default: 1 });

describe('paramInfos on the built-in strategies', () => {
  it("reads sma-cross: positive integers without zod's MAX_SAFE_INTEGER maximum, an enum, a number", () => {
    expect(infosOf(smaCross.params)).toEqual([
      positiveInt('fast', 10),
      positiveInt('slow', 20),
      info({ name: 'mode', kind: 'choice', choices: ['long_only', 'long_short'], default: 'long_only' }),
      WEIGHT,
    ]);
  });

  it('reads momentum: a const is a choice of one', () => {
    expect(infosOf(momentum.params)).toEqual([
      positiveInt('lookback', 126),
      positiveInt('top', 10),
      info({ name: 'rebalance', kind: 'choice', choices: ['monthly'], default: 'monthly' }),
      WEIGHT,
    ]);
  });

  it('reads equal-weight, buy-and-hold and targets', () => {
    expect(infosOf(equalWeight.params)).toEqual([
      info({ name: 'rebalance', kind: 'choice', choices: ['daily', 'weekly', 'monthly'], default: 'monthly' }),
      WEIGHT,
    ]);
    expect(infosOf(buyAndHold.params)).toEqual([WEIGHT]);
    expect(infosOf(targets.params)).toEqual([
      info({ name: 'file', kind: 'string' }),
      info({ name: 'kind', kind: 'choice', choices: ['weight', 'quantity'], default: 'weight' }),
    ]);
  });
});

describe('paramInfos on other schemas', () => {
  it('reads a boolean as the choice of true and false, with its default', () => {
    expect(infosOf(z.object({ flag: z.boolean().default(true), other: z.boolean() }))).toEqual([
      info({ name: 'flag', kind: 'boolean', choices: [true, false], default: true }),
      info({ name: 'other', kind: 'boolean', choices: [true, false] }),
    ]);
  });

  it('reads inclusive and exclusive bounds on both sides', () => {
    expect(infosOf(z.object({ a: z.number().min(-1).max(1), b: z.number().gt(0).lt(5), c: z.number().int().min(2).max(9) }))).toEqual([
      info({ name: 'a', kind: 'number', min: -1, max: 1 }),
      info({ name: 'b', kind: 'number', min: 0, minExclusive: true, max: 5, maxExclusive: true }),
      info({ name: 'c', kind: 'integer', min: 2, max: 9 }),
    ]);
  });

  it('drops bounds at or beyond MAX_SAFE_INTEGER either way', () => {
    const infos = paramInfos({
      properties: { n: { type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }, m: { type: 'number', maximum: 1e300 } },
    });
    expect(infos).toEqual([info({ name: 'n', kind: 'integer' }), info({ name: 'm', kind: 'number' })]);
  });

  it('keeps only number, string and boolean enum members, and ignores non-value defaults', () => {
    expect(paramInfos({ properties: { e: { enum: [1, null, 'a', true, { x: 1 }], default: [1] } } })).toEqual([
      info({ name: 'e', kind: 'choice', choices: [1, 'a', true] }),
    ]);
  });

  it('answers nothing for a schema without properties, and skips non-object properties', () => {
    expect(paramInfos({})).toEqual([]);
    expect(paramInfos({ type: 'object', properties: [] })).toEqual([]);
    expect(paramInfos({ properties: { ok: { type: 'number' }, bad: true, worse: null } })).toEqual([info({ name: 'ok', kind: 'number' })]);
  });

  it("keeps the schema's property order", () => {
    expect(infosOf(z.object({ z: z.number(), a: z.string(), m: z.boolean() })).map((p) => p.name)).toEqual(['z', 'a', 'm']);
  });
});

describe('valueProblem', () => {
  const fast = positiveInt('fast', 10);

  it("takes an integer parameter's whole numbers inside its bounds", () => {
    expect(valueProblem(fast, 1)).toBeNull();
    expect(valueProblem(fast, 1_000_000)).toBeNull();
    expect(valueProblem(fast, 0)).toBe('fast must be > 0, not 0');
    expect(valueProblem(fast, -3)).toBe('fast must be > 0, not -3');
    expect(valueProblem(fast, 2.5)).toBe('fast takes an integer, not 2.5');
    expect(valueProblem(fast, '5')).toBe('fast takes a number, not "5"');
    expect(valueProblem(fast, true)).toBe('fast takes a number, not true');
  });

  it('checks inclusive bounds as inclusive and exclusive ones as exclusive', () => {
    const inclusive = info({ name: 'r', kind: 'number', min: 0, max: 1 });
    expect(valueProblem(inclusive, 0)).toBeNull();
    expect(valueProblem(inclusive, 1)).toBeNull();
    expect(valueProblem(inclusive, -0.01)).toBe('r must be >= 0, not -0.01');
    expect(valueProblem(inclusive, 1.01)).toBe('r must be <= 1, not 1.01');
    const exclusive = info({ name: 'r', kind: 'number', min: 0, minExclusive: true, max: 1, maxExclusive: true });
    expect(valueProblem(exclusive, 0.5)).toBeNull();
    expect(valueProblem(exclusive, 0)).toBe('r must be > 0, not 0');
    expect(valueProblem(exclusive, 1)).toBe('r must be < 1, not 1');
  });

  it('takes any number for a number parameter, fractions included', () => {
    expect(valueProblem(WEIGHT, 0.25)).toBeNull();
    expect(valueProblem(WEIGHT, 0)).toBe('weight must be > 0, not 0');
    expect(valueProblem(WEIGHT, 'x')).toBe('weight takes a number, not "x"');
    expect(valueProblem(info({ name: 'u', kind: 'number' }), -1e9)).toBeNull();
  });

  it("takes only a choice's listed values, of the same type", () => {
    const mode = info({ name: 'mode', kind: 'choice', choices: ['long_only', 'long_short'] });
    expect(valueProblem(mode, 'long_short')).toBeNull();
    expect(valueProblem(mode, 'short')).toBe('mode is one of "long_only", "long_short", not "short"');
    const n = info({ name: 'n', kind: 'choice', choices: [1, 2] });
    expect(valueProblem(n, 2)).toBeNull();
    expect(valueProblem(n, '2')).toBe('n is one of 1, 2, not "2"');
  });

  it('takes true and false for a boolean, not their spellings', () => {
    const flag = info({ name: 'flag', kind: 'boolean', choices: [true, false] });
    expect(valueProblem(flag, true)).toBeNull();
    expect(valueProblem(flag, false)).toBeNull();
    expect(valueProblem(flag, 'true')).toBe('flag is one of true, false, not "true"');
    expect(valueProblem(flag, 1)).toBe('flag is one of true, false, not 1');
  });

  it('takes only text for a string parameter', () => {
    const file = info({ name: 'file', kind: 'string' });
    expect(valueProblem(file, 'targets.csv')).toBeNull();
    expect(valueProblem(file, '')).toBeNull();
    expect(valueProblem(file, 5)).toBe('file takes text, not 5');
    expect(valueProblem(file, false)).toBe('file takes text, not false');
  });
});
