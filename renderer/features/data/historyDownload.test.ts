import { describe, expect, it } from 'vitest';
import { normaliseSymbol, parseYears } from './historyDownload';

describe('history download form', () => {
  it('takes symbols as IB does, upper-cased', () => {
    expect(normaliseSymbol(' goog ')).toBe('GOOG');
    expect(normaliseSymbol('BRK B')).toBe('BRK B');
    expect(normaliseSymbol('EUR.USD')).toBe('EUR.USD');
    expect(normaliseSymbol('')).toBeNull();
    expect(normaliseSymbol('GO;OG')).toBeNull();
    expect(normaliseSymbol('X'.repeat(33))).toBeNull();
  });

  it('accepts 1 to 30 whole years', () => {
    expect(parseYears('10')).toBe(10);
    expect(parseYears('1')).toBe(1);
    expect(parseYears('30')).toBe(30);
    expect(parseYears('0')).toBeNull();
    expect(parseYears('31')).toBeNull();
    expect(parseYears('2.5')).toBeNull();
    expect(parseYears('')).toBeNull();
  });
});
