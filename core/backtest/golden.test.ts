import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import { loadBarsCsv } from '../data/csv/loadBarsCsv';
import { getStrategy } from '../strategy/registry';
import { runBacktest } from './runner';

const DATA = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));

/**
 * sma-cross 10/20 long_short, 10,000 cash, 0.2% commission, no spread, slippage or volume cap, next-open
 * fills. Pinned from a reviewed run: any change to fills, sizing, accounting or metrics shows up here.
 * [file, bars, orders, fills, closed trades, final equity, max drawdown %]
 */
const GOLDEN: [string, number, number, number, number, number, number][] = [
  ['GOOG.csv', 2148, 187, 187, 93, 56227.6956, -34.1276],
  ['orcl-1995-2014.txt', 5036, 535, 535, 267, 422.7153, -96.9302],
  ['orcl-1995-2014.legacy-2015.txt', 5036, 527, 527, 263, 329.5705, -96.776],
  ['nvda-1999-2014.txt', 4012, 417, 417, 208, 858.2956, -96.1207],
  ['yhoo-1996-2015.txt', 4965, 573, 573, 286, 5815.897, -97.5825],
  ['2005-2006-day-001.txt', 512, 53, 53, 26, 9022.3064, -14.4165],
  ['2006-day-001.txt', 255, 25, 25, 12, 9558.498, -9.3779],
  ['2006-volume-day-001.txt', 255, 25, 25, 12, 10228.22, -6.0936],
  ['2006-week-001.txt', 52, 3, 3, 1, 9937.9901, -8.9069],
  ['EURUSD.csv', 5000, 525, 525, 262, 3512.2449, -65.0689],
  ['2006-min-005.txt', 2142, 247, 247, 123, 6831.375, -31.7271],
  ['2006-01-02-volume-min-001.txt', 30889, 690, 690, 345, 3505.456, -64.9454],
];

describe('golden runs on the real files in fixtures/data', () => {
  const sim = simulatorSchema.parse({ slippage_bps: 0, spread_bps: 0, use_volume_constraints: false, commission: { model: 'percent', rate: 0.002 } });
  for (const [file, bars, orders, fills, closed, finalEquity, maxDd] of GOLDEN) {
    it(file, () => {
      const s = loadBarsCsv(DATA + file);
      const def = getStrategy('sma-cross');
      const strategy = def.create(def.params.parse({ fast: 10, slow: 20, mode: 'long_short' }), { symbols: [s.symbol], baseDir: DATA });
      const res = runBacktest({ series: [s], strategy, initialCash: 10_000, seed: 42, sim, planner: plannerSchema.parse({}), strict: true });
      expect(res.status).toBe('completed');
      expect([res.bars, res.totals.orders, res.totals.fills, res.metrics.closedTrades]).toEqual([bars, orders, fills, closed]);
      expect(res.metrics.finalEquity).toBeCloseTo(finalEquity, 3);
      expect(res.metrics.maxDrawdownPct as number).toBeCloseTo(maxDd, 3);
    });
  }
});
