import { describe, expect, it } from 'vitest';
import { executionConfigSchema } from '../../config/executionConfigSchema';
import { checkOrder } from './checkOrder';
import { riskLimitsOf, type RiskCheckName, type RiskLimits, type RiskOrder, type RiskSnapshot } from './riskTypes';

const LIMITS: RiskLimits = {
  allowed_symbols: [],
  max_order_size_usd: 25_000,
  max_position_usd: 50_000,
  max_portfolio_leverage: 1.5,
  max_order_quantity: 5000,
  price_band_pct: 0.05,
  lot_size: 1,
};

const SNAP: RiskSnapshot = {
  lastPrice: 100,
  positions: [],
  openOrders: [],
  equity: 100_000,
  grossExposure: 0,
  buyingPower: 200_000,
};

const buy = (o: Partial<RiskOrder> = {}): RiskOrder => ({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, ...o });

function run(order: RiskOrder, snap: Partial<RiskSnapshot> = {}, limits: Partial<RiskLimits> = {}) {
  return checkOrder(order, { ...SNAP, ...snap }, { ...LIMITS, ...limits });
}

function statusOf(order: RiskOrder, check: RiskCheckName, snap: Partial<RiskSnapshot> = {}, limits: Partial<RiskLimits> = {}) {
  const r = run(order, snap, limits).checks.find((c) => c.check === check);
  if (!r) throw new Error(`no ${check} result`);
  return r;
}

describe('checkOrder', () => {
  it('passes a plain order and reports every check in a fixed order', () => {
    const v = run(buy());
    expect(v.passed).toBe(true);
    expect(v.reasons).toEqual([]);
    expect(v.checks.map((c) => c.check)).toEqual([
      'symbol', 'quantity', 'lot_size', 'max_quantity', 'prices', 'price_band', 'order_notional', 'position', 'leverage', 'buying_power',
    ]);
    expect(v.checks.find((c) => c.check === 'symbol')?.status).toBe('off');
  });

  it('takes its limits from an execution config, lot size from the planner', () => {
    const cfg = executionConfigSchema.parse({
      mode: 'PAPER',
      broker: { port: 7497, client_id: 1 },
      planner: { lot_size: 100 },
      risk_checks: { max_order_quantity: 7, circuit_breaker: { max_rejections: 3, window_seconds: 60 } },
    });
    const limits = riskLimitsOf(cfg);
    expect(limits).toMatchObject({ lot_size: 100, max_order_quantity: 7, price_band_pct: null });
    expect('circuit_breaker' in limits).toBe(false);
  });

  describe('symbol', () => {
    it('allows only listed symbols when the list is not empty, ignoring case', () => {
      expect(statusOf(buy(), 'symbol', {}, { allowed_symbols: ['aaa', 'BBB'] }).status).toBe('pass');
      const r = statusOf(buy({ instrument: 'CCC' }), 'symbol', {}, { allowed_symbols: ['AAA', 'BBB'] });
      expect(r).toEqual({ check: 'symbol', status: 'fail', detail: 'CCC is not in allowed_symbols (AAA, BBB)' });
    });
  });

  describe('quantity', () => {
    it('refuses zero, negative and non-numbers, and then skips the checks that need a quantity', () => {
      for (const q of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
        const v = run(buy({ quantity: q }));
        expect(v.passed).toBe(false);
        expect(v.reasons[0]).toMatch(/quantity must be a positive number/);
        for (const c of ['lot_size', 'max_quantity', 'order_notional', 'position', 'leverage', 'buying_power'] as const) {
          expect(v.checks.find((x) => x.check === c)?.status).toBe('skipped');
        }
      }
    });

    it('requires a multiple of the lot size, and allows any positive quantity with lot size 0', () => {
      expect(statusOf(buy({ quantity: 300 }), 'lot_size', {}, { lot_size: 100 }).status).toBe('pass');
      expect(statusOf(buy({ quantity: 150 }), 'lot_size', {}, { lot_size: 100 }).detail).toBe('quantity 150 is not a multiple of the lot size 100');
      expect(statusOf(buy({ quantity: 0.3 }), 'lot_size', {}, { lot_size: 0.1 }).status).toBe('pass');
      expect(statusOf(buy({ quantity: 2.5 }), 'lot_size').status).toBe('fail');
      expect(statusOf(buy({ quantity: 0.25 }), 'lot_size', {}, { lot_size: 0 }).status).toBe('off');
    });

    it('allows exactly max_order_quantity and refuses one more', () => {
      expect(statusOf(buy({ quantity: 5000 }), 'max_quantity', {}, { max_order_size_usd: null }).status).toBe('pass');
      const r = statusOf(buy({ quantity: 5001 }), 'max_quantity');
      expect(r.status).toBe('fail');
      expect(r.detail).toBe('quantity 5,001 exceeds max_order_quantity 5,000');
      expect(statusOf(buy({ quantity: 1e9 }), 'max_quantity', {}, { max_order_quantity: null }).status).toBe('off');
    });
  });

  describe('prices', () => {
    it('requires the prices the order type carries', () => {
      expect(run(buy({ type: 'LIMIT' })).reasons).toContain('a LIMIT order needs a positive limit price');
      expect(run(buy({ type: 'STOP', stopPrice: 0 })).reasons).toContain('a STOP order needs a positive stop price');
      expect(run(buy({ type: 'STOP_LIMIT' })).reasons).toContain('a STOP_LIMIT order needs a positive stop price and limit price');
      expect(run(buy({ type: 'STOP_LIMIT', stopPrice: 101, limitPrice: 102 })).passed).toBe(true);
    });

    it('values a market order at the last price and refuses it when there is none', () => {
      const v = run(buy(), { lastPrice: Number.NaN });
      expect(v.passed).toBe(false);
      expect(v.reasons).toEqual(['no last price for AAA: a market order cannot be valued']);
      expect(v.checks.find((c) => c.check === 'order_notional')?.status).toBe('skipped');
    });

    it('values limit and stop-limit orders at the limit, stop orders at the stop', () => {
      const limits = { max_order_size_usd: 1000, price_band_pct: null };
      expect(statusOf(buy({ type: 'LIMIT', limitPrice: 100 }), 'order_notional', {}, limits).status).toBe('pass');
      expect(statusOf(buy({ type: 'LIMIT', limitPrice: 100.01 }), 'order_notional', {}, limits).status).toBe('fail');
      expect(statusOf(buy({ type: 'STOP', stopPrice: 100.01 }), 'order_notional', {}, limits).status).toBe('fail');
      expect(statusOf(buy({ type: 'STOP_LIMIT', stopPrice: 200, limitPrice: 100 }), 'order_notional', {}, limits).status).toBe('pass');
    });
  });

  describe('price band (fat finger)', () => {
    it('allows a limit exactly at the band edge on either side and refuses one cent beyond', () => {
      expect(statusOf(buy({ type: 'LIMIT', limitPrice: 105 }), 'price_band').status).toBe('pass');
      expect(statusOf(buy({ type: 'LIMIT', limitPrice: 95 }), 'price_band').status).toBe('pass');
      const high = statusOf(buy({ type: 'LIMIT', limitPrice: 105.01 }), 'price_band');
      expect(high.status).toBe('fail');
      expect(high.detail).toBe('limit price 105.01 is +5.01% from the last price 100, outside the 5% band');
      expect(statusOf(buy({ type: 'LIMIT', limitPrice: 94.99 }), 'price_band').detail).toMatch(/-5\.01%/);
    });

    it('checks both prices of a stop-limit and names the one outside', () => {
      const r = statusOf(buy({ type: 'STOP_LIMIT', stopPrice: 104, limitPrice: 110 }), 'price_band');
      expect(r.status).toBe('fail');
      expect(r.detail).toMatch(/^limit price 110 is \+10\.00%/);
      expect(r.detail).not.toMatch(/stop price/);
    });

    it('passes market orders, is off without a band, and refuses a priced order with no last price', () => {
      expect(statusOf(buy(), 'price_band').status).toBe('pass');
      expect(statusOf(buy({ type: 'LIMIT', limitPrice: 500 }), 'price_band', {}, { price_band_pct: null }).status).toBe('off');
      const r = statusOf(buy({ type: 'LIMIT', limitPrice: 100 }), 'price_band', { lastPrice: Number.NaN });
      expect(r).toMatchObject({ status: 'fail', detail: 'no last price for AAA to check the price band against' });
    });
  });

  describe('order notional', () => {
    it('allows exactly max_order_size_usd and refuses one cent more', () => {
      expect(statusOf(buy({ quantity: 250 }), 'order_notional').status).toBe('pass');
      const r = statusOf(buy({ quantity: 250 }), 'order_notional', { lastPrice: 100.00004 });
      expect(r.status).toBe('fail');
      expect(r.detail).toBe('order notional 25,000.01 exceeds max_order_size_usd 25,000.00');
    });
  });

  describe('position', () => {
    const limits = { max_order_size_usd: null, max_order_quantity: null };

    it('counts the held position and same-side working orders, and allows exactly the limit', () => {
      const snap = {
        positions: [{ instrument: 'AAA', quantity: 200, marketPrice: 100 }],
        openOrders: [
          { instrument: 'AAA', side: 'BUY' as const, quantity: 150, filledQuantity: 50 },
          { instrument: 'AAA', side: 'SELL' as const, quantity: 300, filledQuantity: 0 },
          { instrument: 'BBB', side: 'BUY' as const, quantity: 900, filledQuantity: 0 },
        ],
      };
      expect(statusOf(buy({ quantity: 200 }), 'position', snap, limits).status).toBe('pass');
      const r = statusOf(buy({ quantity: 201 }), 'position', snap, limits);
      expect(r.status).toBe('fail');
      expect(r.detail).toBe('AAA position after the order 501 (50,100.00) exceeds max_position_usd 50,000.00');
    });

    it('checks a short the same way and always lets an order reduce a position over the limit', () => {
      expect(statusOf(buy({ side: 'SELL', quantity: 501 }), 'position', {}, limits).status).toBe('fail');
      const over = { positions: [{ instrument: 'AAA', quantity: 800, marketPrice: 100 }] };
      const reduce = statusOf(buy({ side: 'SELL', quantity: 100 }), 'position', over, limits);
      expect(reduce.status).toBe('pass');
      expect(reduce.detail).toMatch(/reduces it/);
      expect(statusOf(buy({ side: 'SELL', quantity: 1400 }), 'position', over, limits).status).toBe('fail');
    });
  });

  describe('leverage', () => {
    const limits = { max_order_size_usd: null, max_position_usd: null, max_order_quantity: null };

    it('swaps the instrument current value for its value after the order and allows exactly the limit', () => {
      const snap = { positions: [{ instrument: 'AAA', quantity: 500, marketPrice: 100 }], grossExposure: 120_000, equity: 100_000 };
      // 120,000 - 50,000 + (500 + 300) * 100 = 150,000 -> 1.5
      expect(statusOf(buy({ quantity: 300 }), 'leverage', snap, limits).status).toBe('pass');
      const r = statusOf(buy({ quantity: 301 }), 'leverage', snap, limits);
      expect(r.status).toBe('fail');
      expect(r.detail).toBe('leverage after the order 1.501 (gross 150,100.00 / equity 100,000.00) exceeds max_portfolio_leverage 1.5');
    });

    it('lets an order that reduces exposure through, and refuses added exposure with no positive equity', () => {
      const snap = { positions: [{ instrument: 'AAA', quantity: 2000, marketPrice: 100 }], grossExposure: 200_000, equity: 100_000 };
      expect(statusOf(buy({ side: 'SELL', quantity: 100 }), 'leverage', snap, limits).status).toBe('pass');
      expect(statusOf(buy(), 'leverage', { equity: 0 }, limits).detail).toBe('equity is 0.00: no exposure can be added');
      expect(statusOf(buy(), 'leverage', { equity: Number.NaN }, limits).status).toBe('fail');
    });
  });

  describe('buying power', () => {
    const limits = { max_order_size_usd: null, max_position_usd: null, max_portfolio_leverage: null, max_order_quantity: null };

    it('needs the added exposure to fit the buying power, exactly at the boundary', () => {
      expect(statusOf(buy({ quantity: 100 }), 'buying_power', { buyingPower: 10_000 }, limits).status).toBe('pass');
      const r = statusOf(buy({ quantity: 101 }), 'buying_power', { buyingPower: 10_000 }, limits);
      expect(r).toMatchObject({ status: 'fail', detail: 'needs 10,100.00 but buying power is 10,000.00' });
    });

    it('asks only for the part that adds exposure when an order flips a position', () => {
      const snap = { positions: [{ instrument: 'AAA', quantity: 100, marketPrice: 100 }], buyingPower: 5000 };
      expect(statusOf(buy({ side: 'SELL', quantity: 150 }), 'buying_power', snap, limits).status).toBe('pass');
      expect(statusOf(buy({ side: 'SELL', quantity: 151 }), 'buying_power', snap, limits).status).toBe('fail');
      expect(statusOf(buy({ side: 'SELL', quantity: 100 }), 'buying_power', { ...snap, buyingPower: 0 }, limits).status).toBe('pass');
    });

    it('refuses added exposure while the buying power is unknown', () => {
      expect(statusOf(buy(), 'buying_power', { buyingPower: Number.NaN }).detail).toBe('the buying power is not known yet');
    });
  });

  it('lists every failed check with its own reason', () => {
    const v = run(buy({ instrument: 'ZZZ', quantity: 6000.5, type: 'LIMIT', limitPrice: 150 }), {}, { allowed_symbols: ['AAA'] });
    expect(v.passed).toBe(false);
    expect(v.checks.filter((c) => c.status === 'fail').map((c) => c.check)).toEqual([
      'symbol', 'lot_size', 'max_quantity', 'price_band', 'order_notional', 'position', 'leverage', 'buying_power',
    ]);
    expect(v.reasons).toHaveLength(8);
  });
});
