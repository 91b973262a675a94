import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import type { BarSeries } from '../data/BarSeries';
import { loadBarsCsv } from '../data/csv/loadBarsCsv';
import { getStrategy } from '../strategy/registry';
import { MemorySink } from './memorySink';
import { runBacktest } from './runner';

const DATA = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));
const COMMISSION = 0.002;
const CASH = 10_000;

/**
 * The peers' setting: 0.2% commission per fill, no spread, slippage, volume cap or tick rounding (backtrader
 * and backtesting.py fill at the raw open of these files, which are not on a 0.01 grid).
 */
const sim = simulatorSchema.parse({
  slippage_bps: 0,
  spread_bps: 0,
  use_volume_constraints: false,
  tick_size: 0,
  commission: { model: 'percent', rate: COMMISSION },
});

function run(s: BarSeries, simulator = sim) {
  const def = getStrategy('sma-cross');
  const strategy = def.create(def.params.parse({ fast: 10, slow: 20, mode: 'long_short' }), { symbols: [s.symbol], baseDir: DATA });
  const sink = new MemorySink();
  const res = runBacktest({ series: [s], strategy, initialCash: CASH, seed: 42, sim: simulator, planner: plannerSchema.parse({}), strict: true, sink });
  return { res, sink };
}

interface RefFill {
  ts: number;
  side: 'BUY' | 'SELL';
  quantity: number;
  price: number;
  commission: number;
}

/**
 * Where the peers differ from each other, this follows issue 10's rule, which is backtrader's:
 * - backtesting.py 0.6.6 sizes `int(margin_available × (1 − ε) // (open × (1 + c)))`: one unit less when the
 *   quotient is an exact integer (YHOO 1996-05-20 at c = 0: 7999 against 8000). At c = 0.2% no file here hits it.
 * - backtesting.py's `crossover` is strict on the previous bar, so a move through an exact tie of the two SMAs
 *   (+, 0, −) is no cross there; backtrader's CrossOver and sma-cross count it on the bar after the tie.
 *
 * The peers' all-in reversal, written out as plainly as possible and sharing no code with the engine:
 * SMA(10) and SMA(20) of the closes; a strict cross up (fast <= slow on the previous bar, fast > slow
 * now) targets long, a strict cross down targets short; the order goes to the next bar's open, where the
 * old position is closed and the new one sized floor(cash after the close / (open x (1 + commission))).
 */
function referenceFills(s: BarSeries): RefFill[] {
  const sma = (i: number, k: number): number => {
    let sum = 0;
    for (let j = i - k + 1; j <= i; j++) sum += s.close[j];
    return sum / k;
  };
  // Averages equal in decimal arithmetic (ORCL on 2005-12-01: 12.604 and 12.604) differ in the last bits of a
  // float sum; a cross needs a real move, so differences within a billionth of the price are no difference.
  const sign = (fast: number, slow: number): number => (Math.abs(fast - slow) <= 1e-9 * slow ? 0 : Math.sign(fast - slow));
  const fills: RefFill[] = [];
  let cash = CASH;
  let pos = 0;
  let wanted = 0;
  let order = 0;
  for (let i = 0; i < s.length; i++) {
    if (order !== 0) {
      const open = s.open[i];
      if (pos !== 0) {
        const fee = Math.abs(pos) * open * COMMISSION;
        cash += pos * open - fee;
        fills.push({ ts: s.ts[i], side: pos > 0 ? 'SELL' : 'BUY', quantity: Math.abs(pos), price: open, commission: fee });
        pos = 0;
      }
      const size = Math.floor(cash / (open * (1 + COMMISSION)));
      if (size > 0) {
        const fee = size * open * COMMISSION;
        pos = order * size;
        cash -= pos * open + fee;
        fills.push({ ts: s.ts[i], side: order > 0 ? 'BUY' : 'SELL', quantity: size, price: open, commission: fee });
      }
      order = 0;
    }
    if (i < 20) continue;
    const before = sign(sma(i - 1, 10), sma(i - 1, 20));
    const now = sign(sma(i, 10), sma(i, 20));
    const next = before <= 0 && now > 0 ? 1 : before >= 0 && now < 0 ? -1 : wanted;
    if (next !== wanted) order = wanted = next;
  }
  return fills;
}

const day = (ts: number): string => new Date(ts).toISOString().slice(0, 10);

describe('golden: all-in reversal fills equal the peers’ rule on the real files', () => {
  const cases: [string, typeof sim][] = [
    ...['GOOG.csv', 'orcl-1995-2014.txt', 'nvda-1999-2014.txt', 'yhoo-1996-2015.txt', 'orcl-1995-2014.legacy-2015.txt'].map((f): [string, typeof sim] => [f, sim]),
    // GOOG prints on the cent grid, so the default tick rounding changes nothing there.
    ['GOOG.csv', { ...sim, tick_size: 0.01 }],
  ];
  for (const [file, simulator] of cases) {
    it(`${file}, tick ${simulator.tick_size}: every fill's date, side, size, price and commission`, () => {
      const s = loadBarsCsv(DATA + file);
      const { res, sink } = run(s, simulator);
      expect(res.status).toBe('completed');
      const expected = referenceFills(s);
      expect(expected.length).toBeGreaterThan(50);
      const got = sink.fills.map((f) => [day(f.timestamp), f.side, f.quantity, f.price.toFixed(2), f.commission.toFixed(2)]);
      const want = expected.map((f) => [day(f.ts), f.side, f.quantity, f.price.toFixed(2), f.commission.toFixed(2)]);
      expect(got).toEqual(want);
      // Never a buy cut or refused: the all-in size always fits what the close left.
      expect(sink.orders.filter((o) => o.status !== 'FILLED').map((o) => o.statusReason)).toEqual([]);
    });
  }
});

/**
 * sma-cross 10/20 long_short, 10,000 cash, 0.2% commission, no spread, slippage, volume cap or tick
 * rounding, next-open fills. Pinned from a reviewed run: any change to fills, sizing, accounting or
 * metrics shows up here. Re-pinned when sizing moved to the fill (issue 10): a reversal is now sized
 * floor(cash after the close / (open x 1.002)) instead of equity at the decision close / open, so the
 * sizes, and with them the final equity and drawdown, changed. The fill counts did not, except on the
 * 1-minute future, which now trades one round trip more (692 orders and fills, 346 trades, were 690 and 345).
 * Every fill count and final equity below equals backtrader 1.9.78's on the same file and settings (run
 * outside the repo); backtesting.py 0.6.6 agrees too except where an exact SMA tie makes the peers differ.
 * [file, bars, orders, fills, closed trades, final equity, max drawdown %]
 */
const GOLDEN: [string, number, number, number, number, number, number][] = [
  ['GOOG.csv', 2148, 187, 187, 93, 56263.5193, -33.9316],
  ['orcl-1995-2014.txt', 5036, 535, 535, 267, 430.2139, -96.8763],
  ['orcl-1995-2014.legacy-2015.txt', 5036, 527, 527, 263, 396.2793, -96.587],
  ['nvda-1999-2014.txt', 4012, 417, 417, 208, 922.5332, -96.106],
  ['yhoo-1996-2015.txt', 4965, 573, 573, 286, 5283.6489, -97.5109],
  ['2005-2006-day-001.txt', 512, 53, 53, 26, 9022.3064, -14.4165],
  ['2006-day-001.txt', 255, 25, 25, 12, 9558.498, -9.3779],
  ['2006-volume-day-001.txt', 255, 25, 25, 12, 10228.22, -6.0936],
  ['2006-week-001.txt', 52, 3, 3, 1, 9937.9901, -8.9069],
  ['EURUSD.csv', 5000, 525, 525, 262, 3526.918, -64.9222],
  ['2006-min-005.txt', 2142, 247, 247, 123, 6831.375, -31.7271],
  ['2006-01-02-volume-min-001.txt', 30889, 692, 692, 346, 3518.662, -64.8134],
];

describe('golden runs on the real files in fixtures/data', () => {
  for (const [file, bars, orders, fills, closed, finalEquity, maxDd] of GOLDEN) {
    it(file, () => {
      const { res } = run(loadBarsCsv(DATA + file));
      expect(res.status).toBe('completed');
      expect([res.bars, res.totals.orders, res.totals.fills, res.metrics.closedTrades]).toEqual([bars, orders, fills, closed]);
      expect(res.metrics.finalEquity).toBeCloseTo(finalEquity, 3);
      expect(res.metrics.maxDrawdownPct as number).toBeCloseTo(maxDd, 3);
    });
  }
});
