import { describe, expect, it } from 'vitest';
import { firstReached, type IntrabarCandidate } from './intrabar';

// A long's exits on one bar O=100 H=106 L=97: take-profit sell limit at 105, stop at 98.
const takeProfit: IntrabarCandidate = { price: 105, sign: -1, level: 105 };
const stop: IntrabarCandidate = { price: 98, sign: -1, level: 98 };

describe('firstReached', () => {
  it('takes the fill worst for the trader under worst_case, the best under best_case', () => {
    expect(firstReached('worst_case', [takeProfit, stop], 100)).toBe(1);
    expect(firstReached('best_case', [takeProfit, stop], 100)).toBe(0);
    expect(firstReached('finer_bars', [takeProfit, stop], 100)).toBe(1);
  });

  it('judges a short\'s exits by what the buyer pays', () => {
    const cover: IntrabarCandidate = { price: 95, sign: 1, level: 95 };
    const buyStop: IntrabarCandidate = { price: 103, sign: 1, level: 103 };
    expect(firstReached('worst_case', [cover, buyStop], 100)).toBe(1);
    expect(firstReached('best_case', [cover, buyStop], 100)).toBe(0);
  });

  it('takes the level nearer the open under open_distance, and the worse of two equally near', () => {
    expect(firstReached('open_distance', [takeProfit, stop], 100)).toBe(1);
    expect(firstReached('open_distance', [takeProfit, stop], 104)).toBe(0);
    expect(firstReached('open_distance', [{ ...takeProfit, level: 102 }, stop], 100)).toBe(1);
  });
});
