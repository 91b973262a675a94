import { describe, expect, it } from 'vitest';
import { humanize } from './fieldModel';
import { fieldFromSchema, fieldsFromSchema } from './schemaFields';

/** sma-cross's params as the engine sends them (z.toJSONSchema, io: input). */
const smaCross = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    fast: { default: 10, type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 },
    slow: { default: 20, type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 },
    mode: { default: 'long_only', type: 'string', enum: ['long_only', 'long_short'] },
    weight: { default: 1, type: 'number', exclusiveMinimum: 0 },
  },
  additionalProperties: false,
};

describe('fieldsFromSchema', () => {
  it('maps a strategy schema to fields in declaration order', () => {
    const fields = fieldsFromSchema(smaCross, 'strategy.params');
    expect(fields.map((f) => [f.path, f.kind, f.label])).toEqual([
      ['strategy.params.fast', 'number', 'Fast'],
      ['strategy.params.slow', 'number', 'Slow'],
      ['strategy.params.mode', 'select', 'Mode'],
      ['strategy.params.weight', 'number', 'Weight'],
    ]);
  });

  it('reads integer, bounds and defaults, ignoring the safe-integer cap', () => {
    const [fast, , , weight] = fieldsFromSchema(smaCross, 'p');
    expect(fast).toMatchObject({ kind: 'number', integer: true, min: 0, minExclusive: true, max: undefined, step: 1, defaultValue: 10 });
    expect(weight).toMatchObject({ kind: 'number', integer: false, min: 0, minExclusive: true, step: undefined, defaultValue: 1 });
  });

  it('reads inclusive bounds and multipleOf', () => {
    const f = fieldFromSchema('x', 'rate', { type: 'number', minimum: 0, maximum: 1, multipleOf: 0.05 }, true);
    expect(f).toMatchObject({ kind: 'number', min: 0, minExclusive: false, max: 1, maxExclusive: false, step: 0.05, required: true });
  });

  it('maps enums and consts to selects', () => {
    expect(fieldFromSchema('m', 'mode', { type: 'string', enum: ['a', 'b'] }, false)).toMatchObject({
      kind: 'select',
      options: [
        { value: 'a', label: 'a' },
        { value: 'b', label: 'b' },
      ],
    });
    expect(fieldFromSchema('r', 'rebalance', { type: 'string', const: 'monthly', default: 'monthly' }, false)).toMatchObject({
      kind: 'select',
      options: [{ value: 'monthly', label: 'monthly' }],
    });
  });

  it('maps booleans, strings, string arrays and required keys', () => {
    const fields = fieldsFromSchema(
      {
        type: 'object',
        properties: {
          file: { type: 'string', minLength: 1 },
          enabled: { type: 'boolean', default: true },
          symbols: { type: 'array', items: { type: 'string' } },
        },
        required: ['file'],
      },
      '',
    );
    expect(fields.map((f) => [f.path, f.kind, f.required])).toEqual([
      ['file', 'text', true],
      ['enabled', 'boolean', false],
      ['symbols', 'list', false],
    ]);
  });

  it('reads a nullable value as an optional one of its type', () => {
    expect(fieldFromSchema('x', 'cap', { anyOf: [{ type: 'number', minimum: 0 }, { type: 'null' }] }, true)).toMatchObject({
      kind: 'number',
      min: 0,
      required: false,
    });
    expect(fieldFromSchema('x', 'tag', { type: ['string', 'null'] }, true)).toMatchObject({ kind: 'text', required: false });
  });

  it('falls back to JSON for shapes it cannot draw', () => {
    expect(fieldFromSchema('x', 'tiers', { type: 'array', items: { type: 'object' } }, false).kind).toBe('json');
    expect(fieldFromSchema('x', 'nested', { type: 'object', properties: {} }, false).kind).toBe('json');
    expect(fieldFromSchema('x', 'either', { anyOf: [{ type: 'string' }, { type: 'number' }] }, false).kind).toBe('json');
  });

  it('uses a title when given and tolerates a schema without properties', () => {
    expect(fieldFromSchema('x', 'k', { type: 'number', title: 'Look-back' }, false).label).toBe('Look-back');
    expect(fieldsFromSchema({ type: 'object' }, 'p')).toEqual([]);
    expect(fieldsFromSchema(null, 'p')).toEqual([]);
  });
});

describe('humanize', () => {
  it('turns keys into labels', () => {
    expect(humanize('max_participation_rate')).toBe('Max participation rate');
    expect(humanize('minOrderValue')).toBe('Min order value');
    expect(humanize('top')).toBe('Top');
  });
});
