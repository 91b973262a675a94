import { describe, expect, it } from 'vitest';
import type { FieldModel } from './fieldModel';
import { inputMax, inputMin, inputText, parseInput } from './fieldValues';

const num: FieldModel = { kind: 'number', path: 'p', label: 'P', required: false, integer: true, min: 0, minExclusive: true };
const real: FieldModel = { kind: 'number', path: 'p', label: 'P', required: false, integer: false, min: 0, minExclusive: true, max: 1 };
const list: FieldModel = { kind: 'list', path: 'p', label: 'P', required: false };
const json: FieldModel = { kind: 'json', path: 'p', label: 'P', required: false };
const sel: FieldModel = {
  kind: 'select',
  path: 'p',
  label: 'P',
  required: false,
  options: [
    { value: 1, label: 'one' },
    { value: 'two', label: 'two' },
  ],
};

describe('field values', () => {
  it('parses numbers, and passes bad text on for the engine to name', () => {
    expect(parseInput(num, '12')).toBe(12);
    expect(parseInput(real, ' 0.25 ')).toBe(0.25);
    expect(parseInput(num, '')).toBeUndefined();
    expect(parseInput(num, 'abc')).toBe('abc');
  });

  it('round-trips comma lists and JSON', () => {
    expect(parseInput(list, 'AAPL, MSFT,,GOOG ')).toEqual(['AAPL', 'MSFT', 'GOOG']);
    expect(inputText(list, ['AAPL', 'MSFT'])).toBe('AAPL, MSFT');
    const tiers = [{ up_to: 300000, rate: 0.0035 }, { rate: 0.002 }];
    expect(parseInput(json, inputText(json, tiers))).toEqual(tiers);
    expect(parseInput(json, '[{')).toBe('[{');
  });

  it('keeps a select option its own type', () => {
    expect(parseInput(sel, '1')).toBe(1);
    expect(parseInput(sel, 'two')).toBe('two');
  });

  it('shows missing values as empty', () => {
    expect(inputText(num, undefined)).toBe('');
    expect(inputText(num, null)).toBe('');
    expect(inputText(num, 5)).toBe('5');
  });

  it('turns exclusive integer bounds into input limits', () => {
    expect(inputMin(num)).toBe(1);
    expect(inputMin(real)).toBe(0);
    expect(inputMax(real)).toBe(1);
    expect(inputMax(num)).toBeUndefined();
    expect(inputMin(list)).toBeUndefined();
  });
});
