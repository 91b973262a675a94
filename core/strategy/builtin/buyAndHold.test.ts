import { describe, expect, it } from 'vitest';
import { barsOn, plain, runSessions } from '../testView';
import { buyAndHold } from './buyAndHold';

const ctx = (symbols: string[]) => ({ symbols, baseDir: '.' });

describe('buy-and-hold', () => {
  it('buys equal weights once every symbol has a bar, then never again', () => {
    const data = {
      A: barsOn(['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'], [10, 11, 12, 13]),
      B: barsOn(['2024-01-04', '2024-01-05'], [50, 51]),
    };
    const fn = buyAndHold.create(buyAndHold.params.parse({ weight: 0.8 }), ctx(['A', 'B']));
    const out = runSessions(fn, data).map((s) => plain(s.targets));
    expect(out).toEqual([null, null, { kind: 'weight', values: { A: 0.4, B: 0.4 } }, null]);
  });

  it('defaults weight to 1 and rejects unknown params', () => {
    expect(buyAndHold.params.parse({})).toEqual({ weight: 1 });
    expect(() => buyAndHold.params.parse({ wieght: 1 })).toThrow(/wieght/);
  });
});
