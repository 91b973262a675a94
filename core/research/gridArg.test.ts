import { describe, expect, it } from 'vitest';
import { parseGridArg } from './gridArg';

describe('parseGridArg: ranges', () => {
  it('reads name=from:to:step as an inclusive stepped range', () => {
    expect(parseGridArg('fast=5:50:5')).toEqual({ name: 'fast', min: 5, max: 50, step: 5 });
  });

  it('reads name=from:to as a range without a step', () => {
    const axis = parseGridArg('fast=5:50');
    expect(axis).toEqual({ name: 'fast', min: 5, max: 50 });
    expect('step' in axis).toBe(false);
  });

  it('reads negative, fractional, signed and exponent numbers', () => {
    expect(parseGridArg('x=-5:-1:0.5')).toEqual({ name: 'x', min: -5, max: -1, step: 0.5 });
    expect(parseGridArg('x=1e-3:2.5E2:+1e-1')).toEqual({ name: 'x', min: 0.001, max: 250, step: 0.1 });
    expect(parseGridArg('x=.5:5.:.25')).toEqual({ name: 'x', min: 0.5, max: 5, step: 0.25 });
  });

  it('trims spaces around the name and the numbers', () => {
    expect(parseGridArg(' fast = 1 : 3 : 1 ')).toEqual({ name: 'fast', min: 1, max: 3, step: 1 });
  });

  it('leaves a range that starts above its end for the plan to refuse', () => {
    expect(parseGridArg('fast=9:1:1')).toEqual({ name: 'fast', min: 9, max: 1, step: 1 });
  });
});

describe('parseGridArg: listed values', () => {
  it('reads text values', () => {
    expect(parseGridArg('mode=long_only,long_short')).toEqual({ name: 'mode', values: ['long_only', 'long_short'] });
  });

  it('reads true and false as booleans', () => {
    expect(parseGridArg('flag=true,false')).toEqual({ name: 'flag', values: [true, false] });
  });

  it('reads numbers in a list, negative and exponent ones too', () => {
    expect(parseGridArg('fast=5,10,20')).toEqual({ name: 'fast', values: [5, 10, 20] });
    expect(parseGridArg('x=-1,2.5,1e3,-2E-2,.5')).toEqual({ name: 'x', values: [-1, 2.5, 1000, -0.02, 0.5] });
  });

  it('reads a single value as a list of one', () => {
    expect(parseGridArg('fast=7')).toEqual({ name: 'fast', values: [7] });
    expect(parseGridArg('mode=long_only')).toEqual({ name: 'mode', values: ['long_only'] });
  });

  it('keeps quoted values as text, without their quotes', () => {
    expect(parseGridArg(`mode='long_only',"long_short"`)).toEqual({ name: 'mode', values: ['long_only', 'long_short'] });
    // Quoting is how a number or a boolean is passed as text.
    expect(parseGridArg(`code="5",'true'`)).toEqual({ name: 'code', values: ['5', 'true'] });
    // Mismatched quotes are not quoting.
    expect(parseGridArg(`s='a"`)).toEqual({ name: 's', values: [`'a"`] });
  });

  it('mixes kinds in one list and trims each value', () => {
    expect(parseGridArg('x= 1 , true , abc ')).toEqual({ name: 'x', values: [1, true, 'abc'] });
  });

  it('reads what only looks like a number as text', () => {
    expect(parseGridArg('x=1e,0x10,Infinity,1.2.3')).toEqual({ name: 'x', values: ['1e', '0x10', 'Infinity', '1.2.3'] });
  });
});

describe('parseGridArg: malformed', () => {
  const shape = (arg: string) => `--grid ${JSON.stringify(arg)}: expected name=from:to:step, name=from:to or name=a,b,c`;

  it('needs a name, an = and a body', () => {
    for (const arg of ['fast', '=5:10:1', 'fast=', 'fast=   ', '']) expect(() => parseGridArg(arg), arg).toThrow(shape(arg));
  });

  it('needs a name of letters, digits and _, not starting with a digit', () => {
    for (const arg of ['1fast=1,2', 'fa-st=1,2', 'a.b=1', 'my name=1']) expect(() => parseGridArg(arg), arg).toThrow(shape(arg));
    expect(parseGridArg('_f2=1')).toEqual({ name: '_f2', values: [1] });
  });

  it('needs two or three numbers in a range', () => {
    expect(() => parseGridArg('fast=1:2:3:4')).toThrow('--grid fast: "1:2:3:4" is not from:to or from:to:step with numbers');
    expect(() => parseGridArg('fast=a:b')).toThrow('--grid fast: "a:b" is not from:to or from:to:step with numbers');
    expect(() => parseGridArg('fast=1:')).toThrow('--grid fast: "1:" is not from:to or from:to:step with numbers');
    expect(() => parseGridArg('fast=:5')).toThrow('--grid fast: ":5" is not from:to or from:to:step with numbers');
    expect(() => parseGridArg('fast=1:5:x')).toThrow('--grid fast: "1:5:x" is not from:to or from:to:step with numbers');
    expect(() => parseGridArg('fast=1,2:3')).toThrow('--grid fast: "1,2:3" is not from:to or from:to:step with numbers');
  });

  it('refuses an empty listed value', () => {
    expect(() => parseGridArg('x=1,')).toThrow('--grid x: "1," has an empty value');
    expect(() => parseGridArg('x=1,,2')).toThrow('--grid x: "1,,2" has an empty value');
  });

  it('needs a step above 0', () => {
    expect(() => parseGridArg('fast=1:5:0')).toThrow('--grid fast: the step must be above 0, not 0');
    expect(() => parseGridArg('fast=1:5:-1')).toThrow('--grid fast: the step must be above 0, not -1');
    expect(() => parseGridArg('fast=1:5:-0')).toThrow('--grid fast: the step must be above 0, not -0');
  });
});
