import { describe, expect, it } from 'vitest';
import { executionAnalytics, type ExecOrder } from './executionAnalytics';

const order = (o: Partial<ExecOrder>): ExecOrder => ({
  type: 'MARKET',
  side: 'BUY',
  quantity: 10,
  filledQuantity: 10,
  avgFillPrice: 100,
  status: 'FILLED',
  createdAt: 0,
  firstFillAt: 1000,
  arrivalPrice: 100,
  referencePrice: 100,
  ...o,
});

describe('executionAnalytics', () => {
  it('measures each fill against its arrival price and its reference quote, worse for the trader positive', () => {
    const a = executionAnalytics([
      order({ avgFillPrice: 101, arrivalPrice: 100, referencePrice: 100.5 }),
      order({ side: 'SELL', avgFillPrice: 99, arrivalPrice: 100, referencePrice: 99 }),
    ]);
    // Buy 1% above arrival, sell 1% below: both cost 100 bps.
    expect(a.vsArrival.meanBps).toBeCloseTo(100, 10);
    expect(a.vsArrival.count).toBe(2);
    expect(a.vsReference.meanBps).toBeCloseTo((((101 - 100.5) / 100.5) * 1e4 + 0) / 2, 10);
    expect(a.vsArrival.histogram.reduce((n, b) => n + b.count, 0)).toBe(2);
  });

  it('weights shortfall by traded value, by order type and by order size', () => {
    const a = executionAnalytics([
      order({ type: 'MARKET', quantity: 5, filledQuantity: 5, avgFillPrice: 102, arrivalPrice: 100 }),
      order({ type: 'MARKET', quantity: 15, filledQuantity: 15, avgFillPrice: 100, arrivalPrice: 100 }),
      order({ type: 'LIMIT', quantity: 2_000, filledQuantity: 0, avgFillPrice: 0, status: 'CANCELLED', firstFillAt: null }),
    ]);
    const market = a.byType.find((r) => r.label === 'MARKET');
    // 5 x 102 at +200 bps and 15 x 100 at 0: (510 x 0.02) / (510 + 1500).
    expect(market?.shortfallBps).toBeCloseTo(((510 * 0.02) / 2010) * 1e4, 10);
    expect(a.byType.find((r) => r.label === 'LIMIT')).toEqual({ label: 'LIMIT', orders: 1, filled: 0, shortfallBps: null });
    expect(a.bySize.map((r) => [r.label, r.orders])).toEqual([
      ['< $1k', 1],
      ['$1k–$10k', 1],
      ['$100k–$1M', 1],
    ]);
    expect(a.fillRate).toBeCloseTo(2 / 3, 12);
    expect(a.medianTimeToFillMs).toBe(1000);
    // An execution stamped to the second before its order's millisecond stamp is a fill at once.
    expect(executionAnalytics([order({ createdAt: 1_500, firstFillAt: 1_000 })]).medianTimeToFillMs).toBe(0);
  });

  it('leaves out what it cannot measure', () => {
    const a = executionAnalytics([order({ arrivalPrice: null, referencePrice: null })]);
    expect(a.vsArrival).toEqual({ count: 0, meanBps: null, medianBps: null, p95Bps: null, histogram: [] });
    expect(executionAnalytics([]).fillRate).toBeNull();
  });
});
