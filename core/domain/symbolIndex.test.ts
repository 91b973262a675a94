import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SymbolIndex } from './symbolIndex';

describe('SymbolIndex', () => {
  it('answers every symbol with its number, whatever the order of asking, and -1 for others', () => {
    const symbols = Array.from({ length: 30 }, (_, i) => `S${i}`);
    const index = new SymbolIndex(symbols);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 32 }), { maxLength: 200 }), (asks) => {
        for (const i of asks) expect(index.lookup(`S${i}`)).toBe(i >= 0 && i < 30 ? i : -1);
      }),
    );
  });

  it('gives the first number of a symbol listed twice', () => {
    expect(new SymbolIndex(['A', 'B', 'A']).lookup('A')).toBe(0);
  });
});
