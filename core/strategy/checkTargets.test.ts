import { describe, expect, it } from 'vitest';
import { checkTargets } from './checkTargets';

const UNIVERSE = new Set(['ORCL', 'GOOG', 'NVDA']);
const check = (value: unknown) => () => checkTargets(value, UNIVERSE);

describe('checkTargets', () => {
  it('passes good targets and null through unchanged', () => {
    const targets = { kind: 'weight', values: new Map([['ORCL', 0.5], ['GOOG', -0.25]]) };
    expect(checkTargets(targets, UNIVERSE)).toBe(targets);
    expect(checkTargets({ kind: 'quantity', values: new Map() }, UNIVERSE)).toEqual({ kind: 'quantity', values: new Map() });
    expect(checkTargets(null, UNIVERSE)).toBeNull();
  });

  it('says what was expected when the value is not targets at all', () => {
    expect(check(undefined)).toThrow('expected {kind, values} or null (null keeps the portfolio), got undefined');
    expect(check([['ORCL', 1]])).toThrow('expected {kind, values} or null (null keeps the portfolio), got an array');
    expect(check(0.5)).toThrow('got number 0.5');
  });

  it('names a bad kind', () => {
    expect(check({ kind: 'weights', values: new Map() })).toThrow('kind must be "weight" or "quantity", got "weights"');
    expect(check({ values: new Map() })).toThrow('kind must be "weight" or "quantity", got undefined');
  });

  it('asks for a Map when values is a plain object or an array', () => {
    expect(check({ kind: 'weight', values: { ORCL: 1 } })).toThrow('values must be a Map of symbol to number (new Map([["SYM", 0.5]])), got a plain object');
    expect(check({ kind: 'weight', values: [['ORCL', 1]] })).toThrow('got an array');
  });

  it('names an unknown symbol and lists the known ones', () => {
    expect(check({ kind: 'weight', values: new Map([['orcl', 1]]) })).toThrow('unknown symbol "orcl"; known: ORCL, GOOG, NVDA');
    const many = new Set(Array.from({ length: 13 }, (_, i) => `S${i}`));
    expect(() => checkTargets({ kind: 'weight', values: new Map([['X', 1]]) }, many)).toThrow(
      'unknown symbol "X"; known: S0, S1, S2, S3, S4, S5, S6, S7, S8, S9 and 3 more',
    );
  });

  it('refuses targets that are not finite numbers, naming the symbol', () => {
    expect(check({ kind: 'weight', values: new Map([['GOOG', Number.NaN]]) })).toThrow('the weight for GOOG must be a finite number, got number NaN');
    expect(check({ kind: 'quantity', values: new Map([['GOOG', '10']]) })).toThrow('the quantity for GOOG must be a finite number, got "10"');
    expect(check({ kind: 'weight', values: new Map([[1, 0.5]]) })).toThrow('values must be a Map of symbol to number, got key number 1');
  });
});
