import { describe, expect, it } from 'vitest';
import { dailySeries } from '../data/seriesFromBars';
import { testMarket } from './testMarket';
import { quotedOnGrid, tickSizeFor } from './tickSize';

/** The broker prints fills on the instrument's tick grid, after costs, and charges commission on that price. */
describe('BacktestBroker tick rounding', () => {
  const rows = [
    [100, 101, 99, 100, 1_000_000],
    [100.013, 101, 99, 100.5, 1_000_000],
  ];

  it('rounds to the simulator tick_size and charges commission on the rounded price', () => {
    const { broker, step } = testMarket([dailySeries('AAA', rows)], { sim: { commission: { model: 'percent', rate: 0.001 }, tick_size: 0.01 } });
    broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 1000, timeInForce: 'DAY' });
    step();
    const [fill] = broker.getFills();
    // 100.013 x (1 + 0.0006) = 100.0730078 -> 100.07
    expect(fill.price).toBe(100.07);
    expect(fill.commission).toBeCloseTo(1000 * 100.07 * 0.001, 10);
    expect(fill.slippage).toBeCloseTo(1000 * (100.07 - 100.013), 8);
    expect(broker.getAccountState().cash).toBeCloseTo(100_000 - 1000 * 100.07 - 100.07, 8);
  });

  it("uses the series' own tick size over the simulator's, and 0 turns rounding off", () => {
    const fx = [
      [1.085, 1.087, 1.084, 1.086, 1_000_000],
      [1.08537, 1.087, 1.084, 1.0861, 1_000_000],
    ];
    const eurusd = { ...dailySeries('EURUSD', fx), tickSize: 0.0001 };
    const { broker, step } = testMarket([eurusd], { sim: { commission: { model: 'none' }, tick_size: 0.01, account: { type: 'margin', allow_short: true } } });
    broker.submitOrder({ instrument: 'EURUSD', side: 'SELL', type: 'MARKET', quantity: 1000, timeInForce: 'DAY' });
    step();
    // 1.08537 x (1 - 0.0006) = 1.084718778 -> 1.0847 (a 0.01 tick would have made it 1.08)
    expect(broker.getFills()[0].price).toBe(1.0847);

    const off = testMarket([dailySeries('AAA', rows)], { sim: { commission: { model: 'none' }, tick_size: 0 } });
    off.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
    off.step();
    expect(off.broker.getFills()[0].price).toBeCloseTo(100.013 * 1.0006, 12);
  });

  it('without a tick_size, rounds to the grid the data is quoted on: cents to 0.01, thousandths to 0.001', () => {
    const cents = [
      [100, 101, 99, 100, 1_000_000],
      [100.01, 101, 99, 100.5, 1_000_000],
    ];
    const quoted = testMarket([dailySeries('CENTS', cents), dailySeries('FINE', rows)], { sim: { commission: { model: 'none' } } });
    for (const instrument of ['CENTS', 'FINE']) {
      quoted.broker.submitOrder({ instrument, side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
    }
    quoted.step();
    const price = (inst: string) => quoted.broker.getFills().find((f) => f.instrument === inst)?.price;
    // 100.01 x 1.0006 = 100.070006 -> 100.07; FINE's bars are quoted in thousandths: 100.013 x 1.0006 = 100.0730078 -> 100.073.
    expect(price('CENTS')).toBe(100.07);
    expect(price('FINE')).toBe(100.073);
  });
});

describe('tickSizeFor', () => {
  const cents = dailySeries('A', [[10, 10.5, 9.99, 10.25, 100]]);
  const fine = dailySeries('B', [[2.179012, 2.191358, 2.117284, 2.117284, 100]]);

  const pips = dailySeries('EURUSD', [[1.07156, 1.0721, 1.07094, 1.0712, 100]]);

  it("takes the series' own tick, then the spec's, then the coarsest decimal grid its bars are quoted on, else none", () => {
    expect(tickSizeFor({ ...fine, tickSize: 0.0001 }, 0.05)).toBe(0.0001);
    expect(tickSizeFor(fine, 0.05)).toBe(0.05);
    expect(tickSizeFor(cents, undefined)).toBe(0.01);
    expect(tickSizeFor(pips, undefined)).toBe(0.00001);
    // Split-adjusted prices carry six decimals: on no exchange's grid, so unrounded.
    expect(tickSizeFor(fine, undefined)).toBe(0);
  });

  it('samples bars spread over the whole series, so finer quotes late in the data count too', () => {
    const bars = Array.from({ length: 5000 }, (_, i) => [10 + i / 100, 11 + i / 100, 9 + i / 100, 10 + i / 100, 100]);
    expect(quotedOnGrid(dailySeries('C', bars), 0.01)).toBe(true);
    // From bar 4000 on, closes carry a third decimal (as when a feed switches to finer quotes).
    for (let i = 4000; i < 5000; i++) bars[i] = [10, 11, 9, 10.005, 100];
    expect(quotedOnGrid(dailySeries('C', bars), 0.01)).toBe(false);
    expect(quotedOnGrid(dailySeries('C', bars), 0.001)).toBe(true);
  });
});
