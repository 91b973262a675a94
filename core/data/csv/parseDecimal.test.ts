import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from './parseDecimal';

const whole = (text: string): number => parseDecimal(text, 0, text.length);

describe('parseDecimal', () => {
  it('agrees with Number() on any finite double as JavaScript prints it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(whole(String(x)), Number(String(x)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Number() on fixed-point decimals like those in price files', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,12}$/), fc.stringMatching(/^\d{0,12}$/))
      .map(([negative, int, frac]) => `${negative ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(decimal, (text) => {
        expect(whole(text)).toBe(Number(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('parses only the given range and ignores surrounding spaces', () => {
    expect(parseDecimal('x,12.5,y', 2, 6)).toBe(12.5);
    expect(whole(' 3.25 ')).toBe(3.25);
    expect(whole('1.5e3')).toBe(1500);
    expect(whole('.5')).toBe(0.5);
  });

  it('returns NaN for text that is not a finite decimal', () => {
    for (const bad of ['', ' ', '-', '.', 'NaN', 'nan', 'Infinity', '1e999', '1.2.3', '12a', '0x10', '1,5', '1e']) {
      expect(whole(bad), bad).toBeNaN();
    }
  });
});
