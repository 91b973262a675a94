import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { commissionSchema } from '../config/simulatorSchema';
import type { Side } from '../domain/enums';
import { createCommissionModel, type CommissionInput, type CommissionModel } from './commission';

const model = (cfg: unknown): CommissionModel => createCommissionModel(commissionSchema.parse(cfg));

/** A first fill of a fresh order. */
const first = (side: Side, quantity: number, price: number, monthVolume = 0): CommissionInput => ({
  side,
  quantity,
  price,
  orderFilledQty: 0,
  orderFilledValue: 0,
  orderCommission: 0,
  monthVolume,
});

/** Feeds partial fills of one order through the model, carrying the order's totals; returns each fill's fee. */
function fillSequence(m: CommissionModel, side: Side, fills: [number, number][], monthVolumeAtStart = 0): number[] {
  let qty = 0;
  let value = 0;
  let paid = 0;
  return fills.map(([q, p]) => {
    const fee = m.fee({
      side,
      quantity: q,
      price: p,
      orderFilledQty: qty,
      orderFilledValue: value,
      orderCommission: paid,
      monthVolume: monthVolumeAtStart + qty,
    });
    qty += q;
    value += q * p;
    paid += fee;
    return fee;
  });
}

describe('none', () => {
  it('charges nothing', () => {
    expect(model({ model: 'none' }).fee(first('BUY', 1000, 50))).toBe(0);
  });
});

describe('per_share', () => {
  const m = model({ model: 'per_share', rate: 0.01, minimum: 2, maximum_pct: 0.005 });

  it('charges rate x shares above the minimum', () => {
    expect(m.fee(first('BUY', 300, 50))).toBeCloseTo(3, 10);
  });

  it('applies the minimum once across partial fills: 100 -> 2.00, 100 -> 0, 150 -> 1.50', () => {
    const fees = fillSequence(m, 'BUY', [
      [100, 50],
      [100, 50],
      [150, 50],
    ]);
    expect(fees[0]).toBeCloseTo(2, 10);
    expect(fees[1]).toBeCloseTo(0, 10);
    expect(fees[2]).toBeCloseTo(1.5, 10);
  });

  it('caps at maximum_pct of value: 1000 sh @ 0.50 -> 2.50 not 10', () => {
    expect(m.fee(first('BUY', 1000, 0.5))).toBeCloseTo(2.5, 10);
  });

  it('lets the cap win over the minimum: 10 sh @ 1 -> 0.05', () => {
    expect(m.fee(first('SELL', 10, 1))).toBeCloseTo(0.05, 10);
  });
});

describe('percent', () => {
  it('charges rate x value with the minimum across partial fills', () => {
    const m = model({ model: 'percent', rate: 0.001, minimum: 1 });
    expect(m.fee(first('BUY', 100, 50))).toBeCloseTo(5, 10);
    const fees = fillSequence(m, 'SELL', [
      [10, 50],
      [10, 50],
      [20, 50],
    ]);
    // value 500 -> 0.5 raised to 1; 1000 -> 1 (already paid); 2000 -> 2 (1 more).
    expect(fees[0]).toBeCloseTo(1, 10);
    expect(fees[1]).toBeCloseTo(0, 10);
    expect(fees[2]).toBeCloseTo(1, 10);
  });

  it('caps at maximum_pct', () => {
    const m = model({ model: 'percent', rate: 0.001, maximum_pct: 0.0005 });
    expect(m.fee(first('BUY', 100, 50))).toBeCloseTo(2.5, 10);
  });
});

describe('fixed', () => {
  it('charges the amount on the first fill only', () => {
    const fees = fillSequence(model({ model: 'fixed', amount: 4.95 }), 'BUY', [
      [10, 20],
      [30, 20],
    ]);
    expect(fees[0]).toBeCloseTo(4.95, 10);
    expect(fees[1]).toBe(0);
  });
});

describe('tiered', () => {
  const m = model({
    model: 'tiered',
    tiers: [
      { up_to: 1000, rate: 0.01 },
      { up_to: 5000, rate: 0.005 },
      { rate: 0.001 },
    ],
  });

  it('switches tier on month volume, up_to inclusive', () => {
    expect(m.fee(first('BUY', 100, 10, 0))).toBeCloseTo(1, 10);
    expect(m.fee(first('BUY', 100, 10, 1000))).toBeCloseTo(1, 10);
    expect(m.fee(first('BUY', 100, 10, 1001))).toBeCloseTo(0.5, 10);
    expect(m.fee(first('BUY', 100, 10, 6000))).toBeCloseTo(0.1, 10);
  });

  it('keeps one order in the tier it started in across partial fills', () => {
    // 800 @ 0.01 = 8; then the month passes 1000 during the order, but the order stays at 0.01: 1300 * 0.01 = 13.
    const fees = fillSequence(m, 'BUY', [
      [800, 10],
      [500, 10],
    ], 900);
    expect(fees[0]).toBeCloseTo(8, 10);
    expect(fees[1]).toBeCloseTo(5, 10);
  });

  it('applies minimum and cap', () => {
    const bounded = model({ model: 'tiered', tiers: [{ rate: 0.01 }], minimum: 1, maximum_pct: 0.01 });
    expect(bounded.fee(first('BUY', 10, 50))).toBeCloseTo(1, 10);
    expect(bounded.fee(first('BUY', 1000, 0.5))).toBeCloseTo(5, 10);
  });

  it('rejects tiers out of order or a missing up_to before the last', () => {
    expect(() => model({ model: 'tiered', tiers: [{ up_to: 10, rate: 1 }, { up_to: 5, rate: 1 }] })).toThrow(
      /tiers\[1\]: up_to 5 must be greater/,
    );
    expect(() => model({ model: 'tiered', tiers: [{ rate: 1 }, { rate: 2 }] })).toThrow(/tiers\[0\]: only the last/);
  });
});

describe('ibkr_fixed', () => {
  const m = model({ model: 'ibkr_fixed' });

  it('charges $0.005/share with a $1 minimum on buys, no regulatory fees', () => {
    expect(m.fee(first('BUY', 1000, 50))).toBeCloseTo(5, 10);
    expect(m.fee(first('BUY', 100, 50))).toBeCloseTo(1, 10);
  });

  it('caps at 1% of trade value: 10 sh @ $5 -> $0.50', () => {
    expect(m.fee(first('BUY', 10, 5))).toBeCloseTo(0.5, 10);
  });

  it('adds SEC and FINRA TAF on sells: 1000 @ 50 -> 5 + 1.39 + 0.166', () => {
    expect(m.fee(first('SELL', 1000, 50))).toBeCloseTo(6.556, 10);
    expect(model({ model: 'ibkr_fixed', regulatory_fees: false }).fee(first('SELL', 1000, 50))).toBeCloseTo(5, 10);
  });

  it('caps FINRA TAF at $8.30 per order: 100,000 sh @ $10 -> 500 + 27.8 + 8.3', () => {
    expect(m.fee(first('SELL', 100_000, 10))).toBeCloseTo(536.1, 9);
  });

  it('applies the minimum across partial fills: 100 -> 1, 100 -> 0, 300 -> 1.5', () => {
    const fees = fillSequence(m, 'BUY', [
      [100, 50],
      [100, 50],
      [300, 50],
    ]);
    expect(fees[0]).toBeCloseTo(1, 10);
    expect(fees[1]).toBeCloseTo(0, 10);
    expect(fees[2]).toBeCloseTo(1.5, 10);
  });

  it('applies the TAF cap across partial fills of one sell order', () => {
    const fees = fillSequence(m, 'SELL', [
      [40_000, 10],
      [20_000, 10],
    ]);
    // 200 + 11.12 + 6.64; then cumulative 300 + 16.68 + 8.30 (capped) = 324.98, minus 217.76 paid.
    expect(fees[0]).toBeCloseTo(217.76, 9);
    expect(fees[1]).toBeCloseTo(107.22, 9);
  });
});

describe('ibkr_tiered', () => {
  const m = model({ model: 'ibkr_tiered' });
  const bare = model({ model: 'ibkr_tiered', regulatory_fees: false });

  it('charges the first tier plus clearing and pass-through on a buy', () => {
    // 3.50 + 1000 x 0.0002 + 3.50 x (0.000175 + 0.000565)
    expect(m.fee(first('BUY', 1000, 50))).toBeCloseTo(3.70259, 10);
    expect(bare.fee(first('BUY', 1000, 50))).toBeCloseTo(3.5, 10);
  });

  it('adds SEC and FINRA TAF on sells only', () => {
    expect(m.fee(first('SELL', 1000, 50))).toBeCloseTo(3.70259 + 1.39 + 0.166, 10);
  });

  it('switches tier on month volume', () => {
    expect(bare.fee(first('BUY', 1000, 50, 300_000))).toBeCloseTo(3.5, 10);
    expect(bare.fee(first('BUY', 1000, 50, 300_001))).toBeCloseTo(2, 10);
    expect(bare.fee(first('BUY', 1000, 50, 5_000_000))).toBeCloseTo(1.5, 10);
    expect(bare.fee(first('BUY', 1000, 50, 50_000_000))).toBeCloseTo(1, 10);
    expect(bare.fee(first('BUY', 1000, 50, 200_000_000))).toBeCloseTo(0.5, 10);
  });

  it('applies the $0.35 minimum and the 1% cap', () => {
    expect(m.fee(first('BUY', 50, 50))).toBeCloseTo(0.35 + 0.01 + 0.35 * 0.00074, 10);
    expect(bare.fee(first('BUY', 1000, 0.2))).toBeCloseTo(2, 10);
  });
});

describe('fee input', () => {
  const m = model({ model: 'ibkr_fixed' });

  it('charges nothing for a zero quantity', () => {
    expect(m.fee(first('BUY', 0, 50))).toBe(0);
  });

  it('rejects a negative quantity or a non-finite price, naming the model', () => {
    expect(() => m.fee(first('BUY', -1, 50))).toThrow(/ibkr_fixed: fill quantity must be a non-negative/);
    expect(() => m.fee(first('BUY', 1, Number.NaN))).toThrow(/ibkr_fixed: fill price must be finite/);
  });

  it('exposes the model name', () => {
    expect(m.name).toBe('ibkr_fixed');
  });
});

describe('freshFee', () => {
  it('prices a fresh order at the first tier', () => {
    expect(model({ model: 'ibkr_tiered', regulatory_fees: false }).freshFee('BUY', 1000, 50)).toBeCloseTo(3.5, 10);
    expect(model({ model: 'ibkr_fixed' }).freshFee('SELL', 1000, 50)).toBeCloseTo(6.556, 10);
  });

  it('is fee() of a fresh order with no month volume, to the bit, for every model', () => {
    const configs = [
      { model: 'none' },
      { model: 'per_share', rate: 0.01, minimum: 1, maximum_pct: 0.01 },
      { model: 'percent', rate: 0.002, minimum: 0.5 },
      { model: 'fixed', amount: 4.95 },
      { model: 'tiered', tiers: [{ up_to: 1000, rate: 0.01 }, { rate: 0.005 }], minimum: 1 },
      { model: 'ibkr_fixed' },
      { model: 'ibkr_tiered' },
    ].map(model);
    fc.assert(
      fc.property(
        fc.constantFrom(...configs),
        fc.constantFrom<Side>('BUY', 'SELL'),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.0001, max: 5000, noNaN: true }),
        (m, side, qty, price) => {
          expect(m.freshFee(side, qty, price)).toBe(m.fee(first(side, qty, price)));
        },
      ),
    );
    expect(() => configs[5].freshFee('BUY', -1, 50)).toThrow(/ibkr_fixed: fill quantity must be a non-negative/);
  });
});
