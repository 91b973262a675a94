import { describe, it, expect } from 'vitest';
import { defaultSimulatorConfig, type SimulatorConfig } from '../config/simulatorSchema';
import { roundToTick } from '../domain/priceTick';
import { matchOrder, type MatchBar, type MatchContext, type MatchOrder, type MatchResult } from './fillRules';

/** Defaults: spread 2 bps (half paid) + slippage 5 bps = 6 bps on market-like fills. */
const COST = 0.0006;
const sim = (over: Partial<SimulatorConfig> = {}): SimulatorConfig => ({ ...defaultSimulatorConfig(), ...over });

const neverCalled = (): number => {
  throw new Error('rng must not be consumed here');
};
const rngReturning = (x: number) => (): number => x;

const BAR: MatchBar = { open: 100, high: 105, low: 95, close: 102, volume: 10_000 };

function order(over: Partial<MatchOrder>): MatchOrder {
  return {
    side: 'BUY',
    type: 'MARKET',
    timeInForce: 'DAY',
    limitPrice: null,
    stopPrice: null,
    remaining: 100,
    triggered: false,
    ...over,
  };
}

function ctx(over: Partial<MatchContext> = {}): MatchContext {
  return {
    sim: sim(),
    phase: 'bar',
    capacity: Number.POSITIVE_INFINITY,
    sigmaDaily: Number.NaN,
    adv20: Number.NaN,
    rng: neverCalled,
    // Unrounded, so the cost arithmetic is checked exactly; rounding has its own tests.
    tickSize: 0,
    ...over,
  };
}

function expectFill(r: MatchResult, price: number, reference: number, quantity = 100): void {
  expect(r.quantity).toBe(quantity);
  expect(r.price).toBeCloseTo(price, 10);
  expect(r.referencePrice).toBeCloseTo(reference, 10);
}

function expectNoFill(r: MatchResult, triggered: boolean): void {
  expect(r.quantity).toBe(0);
  expect(r.price).toBeNaN();
  expect(r.triggered).toBe(triggered);
}

describe('MARKET', () => {
  it('next_open: buys at the open plus costs, sells at the open minus costs', () => {
    expectFill(matchOrder(order({}), BAR, ctx()), 100 * (1 + COST), 100);
    expectFill(matchOrder(order({ side: 'SELL' }), BAR, ctx()), 100 * (1 - COST), 100);
  });

  it('vwap: priced from the typical price (h+l+c)/3', () => {
    const typical = (105 + 95 + 102) / 3;
    expectFill(matchOrder(order({}), BAR, ctx({ sim: sim({ fill_timing: 'vwap' }) })), typical * (1 + COST), typical);
  });

  it('same_close in a later bar (carried-over remainder): priced from the close', () => {
    expectFill(matchOrder(order({}), BAR, ctx({ sim: sim({ fill_timing: 'same_close' }) })), 102 * (1 + COST), 102);
  });

  it('AT_OPEN and AT_CLOSE use the open and the close whatever the fill timing', () => {
    const vwap = ctx({ sim: sim({ fill_timing: 'vwap' }) });
    expectFill(matchOrder(order({ timeInForce: 'AT_OPEN' }), BAR, vwap), 100 * (1 + COST), 100);
    expectFill(matchOrder(order({ timeInForce: 'AT_CLOSE' }), BAR, ctx()), 102 * (1 + COST), 102);
  });

  it('decision phase: priced from the close; AT_OPEN cannot fill there', () => {
    expectFill(matchOrder(order({}), BAR, ctx({ phase: 'decision' })), 102 * (1 + COST), 102);
    expectNoFill(matchOrder(order({ timeInForce: 'AT_OPEN' }), BAR, ctx({ phase: 'decision' })), false);
  });

  it('adds square-root impact when sigma and ADV are known', () => {
    // impact = 1 * 0.02 * sqrt(100 / 10_000) = 0.002
    const r = matchOrder(order({}), BAR, ctx({ sim: sim({ impact_k: 1 }), sigmaDaily: 0.02, adv20: 10_000 }));
    expectFill(r, 100 * (1 + COST + 0.002), 100);
  });

  it('clamps costs into the bar: a buy at an open that is the high pays the high', () => {
    const topOpen: MatchBar = { open: 100, high: 100, low: 95, close: 98, volume: 1000 };
    expectFill(matchOrder(order({}), topOpen, ctx()), 100, 100);
    const bottomOpen: MatchBar = { open: 95, high: 100, low: 95, close: 98, volume: 1000 };
    expectFill(matchOrder(order({ side: 'SELL' }), bottomOpen, ctx()), 95, 95);
  });

  it('clamps decision-phase costs into the decision bar: a close at the high fills at the high', () => {
    const closeAtHigh: MatchBar = { open: 100, high: 102, low: 95, close: 102, volume: 1000 };
    expectFill(matchOrder(order({}), closeAtHigh, ctx({ phase: 'decision' })), 102, 102);
  });
});

describe('LIMIT', () => {
  it('buy: open at or below the limit fills at the open plus costs (favourable gap)', () => {
    expectFill(matchOrder(order({ type: 'LIMIT', limitPrice: 101 }), BAR, ctx()), 100 * (1 + COST), 100);
  });

  it('buy: costs on a marketable open are capped at the limit', () => {
    expectFill(matchOrder(order({ type: 'LIMIT', limitPrice: 100.03 }), BAR, ctx()), 100.03, 100);
  });

  it('buy: low below the limit fills exactly at the limit, no costs', () => {
    expectFill(matchOrder(order({ type: 'LIMIT', limitPrice: 97 }), BAR, ctx()), 97, 97);
  });

  it('buy: low exactly at the limit fills on touch when rng() < limit_fill_prob', () => {
    const o = order({ type: 'LIMIT', limitPrice: 95 });
    expectFill(matchOrder(o, BAR, ctx({ rng: rngReturning(0.05) })), 95, 95);
    expectNoFill(matchOrder(o, BAR, ctx({ rng: rngReturning(0.95) })), false);
  });

  it('buy: low exactly at the limit never fills with penetrate, without consuming the rng', () => {
    const r = matchOrder(order({ type: 'LIMIT', limitPrice: 95 }), BAR, ctx({ sim: sim({ limit_fill: 'penetrate' }) }));
    expectNoFill(r, false);
  });

  it('buy: low above the limit does not fill', () => {
    expectNoFill(matchOrder(order({ type: 'LIMIT', limitPrice: 94.99 }), BAR, ctx()), false);
  });

  it('sell mirrors: high above the limit fills at the limit, open above it fills at the open minus costs', () => {
    expectFill(matchOrder(order({ side: 'SELL', type: 'LIMIT', limitPrice: 104 }), BAR, ctx()), 104, 104);
    expectFill(matchOrder(order({ side: 'SELL', type: 'LIMIT', limitPrice: 99 }), BAR, ctx()), 100 * (1 - COST), 100);
    expectFill(matchOrder(order({ side: 'SELL', type: 'LIMIT', limitPrice: 99.97 }), BAR, ctx()), 99.97, 100);
    expectNoFill(matchOrder(order({ side: 'SELL', type: 'LIMIT', limitPrice: 105.01 }), BAR, ctx()), false);
  });

  it('sell: high exactly at the limit is a touch decided by the rng', () => {
    const o = order({ side: 'SELL', type: 'LIMIT', limitPrice: 105 });
    expectFill(matchOrder(o, BAR, ctx({ rng: rngReturning(0.05) })), 105, 105);
    expectNoFill(matchOrder(o, BAR, ctx({ rng: rngReturning(0.95) })), false);
  });

  it('AT_OPEN: only the open counts', () => {
    expectNoFill(matchOrder(order({ type: 'LIMIT', limitPrice: 97, timeInForce: 'AT_OPEN' }), BAR, ctx()), false);
    const r = matchOrder(order({ type: 'LIMIT', limitPrice: 101, timeInForce: 'AT_OPEN' }), BAR, ctx());
    expectFill(r, 100 * (1 + COST), 100);
  });

  it('AT_CLOSE: only the close counts', () => {
    expectNoFill(matchOrder(order({ type: 'LIMIT', limitPrice: 101, timeInForce: 'AT_CLOSE' }), BAR, ctx()), false);
    const r = matchOrder(order({ type: 'LIMIT', limitPrice: 103, timeInForce: 'AT_CLOSE' }), BAR, ctx());
    expectFill(r, 102 * (1 + COST), 102);
  });

  it('decision phase: fills only when the close is marketable, costs capped at the limit', () => {
    const decision = ctx({ phase: 'decision' });
    expectNoFill(matchOrder(order({ type: 'LIMIT', limitPrice: 101 }), BAR, decision), false);
    expectFill(matchOrder(order({ type: 'LIMIT', limitPrice: 102.03 }), BAR, decision), 102.03, 102);
    expectFill(matchOrder(order({ type: 'LIMIT', limitPrice: 110 }), BAR, decision), 102 * (1 + COST), 102);
  });
});

describe('STOP', () => {
  it('buy: gap up through the stop fills at the open plus costs', () => {
    const r = matchOrder(order({ type: 'STOP', stopPrice: 98 }), BAR, ctx());
    expectFill(r, 100 * (1 + COST), 100);
    expect(r.triggered).toBe(true);
  });

  it('buy: already triggered fills at the open even below the stop', () => {
    expectFill(matchOrder(order({ type: 'STOP', stopPrice: 110, triggered: true }), BAR, ctx()), 100 * (1 + COST), 100);
  });

  it('buy: high through the stop fills at the stop plus costs', () => {
    const r = matchOrder(order({ type: 'STOP', stopPrice: 103 }), BAR, ctx());
    expectFill(r, 103 * (1 + COST), 103);
    expect(r.triggered).toBe(true);
  });

  it('buy: stop plus costs is capped at the high', () => {
    expectFill(matchOrder(order({ type: 'STOP', stopPrice: 104.99 }), BAR, ctx()), 105, 104.99);
  });

  it('buy: high below the stop does not trigger', () => {
    expectNoFill(matchOrder(order({ type: 'STOP', stopPrice: 105.01 }), BAR, ctx()), false);
  });

  it('sell: gap down fills at the open minus costs; intrabar at the stop minus costs', () => {
    expectFill(matchOrder(order({ side: 'SELL', type: 'STOP', stopPrice: 101 }), BAR, ctx()), 100 * (1 - COST), 100);
    expectFill(matchOrder(order({ side: 'SELL', type: 'STOP', stopPrice: 97 }), BAR, ctx()), 97 * (1 - COST), 97);
    expectFill(matchOrder(order({ side: 'SELL', type: 'STOP', stopPrice: 95.01 }), BAR, ctx()), 95, 95.01);
  });

  it('decision phase: triggers on the close only', () => {
    const decision = ctx({ phase: 'decision' });
    const r = matchOrder(order({ type: 'STOP', stopPrice: 101 }), BAR, decision);
    expectFill(r, 102 * (1 + COST), 102);
    expect(r.triggered).toBe(true);
    expectNoFill(matchOrder(order({ type: 'STOP', stopPrice: 103 }), BAR, decision), false);
  });

  it('AT_OPEN: only the open can trigger it', () => {
    expectNoFill(matchOrder(order({ type: 'STOP', stopPrice: 103, timeInForce: 'AT_OPEN' }), BAR, ctx()), false);
  });
});

describe('STOP_LIMIT', () => {
  it('buy: triggered at the open, the limit rules apply to the whole bar', () => {
    const r = matchOrder(order({ type: 'STOP_LIMIT', stopPrice: 98, limitPrice: 97 }), BAR, ctx());
    expectFill(r, 97, 97);
    expect(r.triggered).toBe(true);
  });

  it('buy: triggered before this bar, a marketable open fills at the open plus costs', () => {
    const o = order({ type: 'STOP_LIMIT', stopPrice: 110, limitPrice: 101, triggered: true });
    expectFill(matchOrder(o, BAR, ctx()), 100 * (1 + COST), 100);
  });

  it('buy: triggered before this bar, a touch at the limit uses the rng', () => {
    const o = order({ type: 'STOP_LIMIT', stopPrice: 110, limitPrice: 95, triggered: true });
    expectFill(matchOrder(o, BAR, ctx({ rng: rngReturning(0.05) })), 95, 95);
    expectNoFill(matchOrder(o, BAR, ctx({ rng: rngReturning(0.95) })), true);
  });

  it('buy: intrabar trigger with limit >= stop fills at the stop plus costs, capped at the limit', () => {
    expectFill(matchOrder(order({ type: 'STOP_LIMIT', stopPrice: 103, limitPrice: 104 }), BAR, ctx()), 103 * (1 + COST), 103);
    expectFill(matchOrder(order({ type: 'STOP_LIMIT', stopPrice: 103, limitPrice: 103.03 }), BAR, ctx()), 103.03, 103);
  });

  it('buy: intrabar trigger with limit < stop fills at the limit when the close came back to it', () => {
    const r = matchOrder(order({ type: 'STOP_LIMIT', stopPrice: 103, limitPrice: 102.5 }), BAR, ctx());
    expectFill(r, 102.5, 102.5);
    expect(r.triggered).toBe(true);
  });

  it('buy: intrabar trigger with limit < stop and the close above it stays triggered without a fill', () => {
    expectNoFill(matchOrder(order({ type: 'STOP_LIMIT', stopPrice: 103, limitPrice: 101 }), BAR, ctx()), true);
  });

  it('buy: high below the stop does not trigger', () => {
    expectNoFill(matchOrder(order({ type: 'STOP_LIMIT', stopPrice: 106, limitPrice: 107 }), BAR, ctx()), false);
  });

  it('sell mirrors: intrabar trigger with limit <= stop fills at the stop minus costs', () => {
    const r = matchOrder(order({ side: 'SELL', type: 'STOP_LIMIT', stopPrice: 97, limitPrice: 96 }), BAR, ctx());
    expectFill(r, 97 * (1 - COST), 97);
    const back = matchOrder(order({ side: 'SELL', type: 'STOP_LIMIT', stopPrice: 97, limitPrice: 101 }), BAR, ctx());
    expectFill(back, 101, 101);
    const away = matchOrder(order({ side: 'SELL', type: 'STOP_LIMIT', stopPrice: 97, limitPrice: 103 }), BAR, ctx());
    expectNoFill(away, true);
  });

  it('decision phase: triggers and fills on the close only', () => {
    const decision = ctx({ phase: 'decision' });
    expectFill(matchOrder(order({ type: 'STOP_LIMIT', stopPrice: 101, limitPrice: 103 }), BAR, decision), 102 * (1 + COST), 102);
    expectNoFill(matchOrder(order({ type: 'STOP_LIMIT', stopPrice: 101, limitPrice: 101.5 }), BAR, decision), true);
    expectNoFill(matchOrder(order({ type: 'STOP_LIMIT', stopPrice: 103, limitPrice: 104 }), BAR, decision), false);
  });
});

describe('quantity', () => {
  it('rounds a binding capacity down to whole units', () => {
    expectFill(matchOrder(order({}), BAR, ctx({ capacity: 37.6 })), 100 * (1 + COST), 100, 37);
  });

  it('fills a fractional remainder in full when it fits', () => {
    expectFill(matchOrder(order({ remaining: 10.5 }), BAR, ctx({ capacity: 20 })), 100 * (1 + COST), 100, 10.5);
  });

  it('fills nothing on a zero-volume bar but still reports a trigger', () => {
    const dead: MatchBar = { ...BAR, volume: 0 };
    expectNoFill(matchOrder(order({}), dead, ctx()), false);
    expectNoFill(matchOrder(order({ type: 'STOP', stopPrice: 98 }), dead, ctx()), true);
  });

  it('fills on a zero-volume bar when volume constraints are off', () => {
    const dead: MatchBar = { ...BAR, volume: 0 };
    const r = matchOrder(order({}), dead, ctx({ sim: sim({ use_volume_constraints: false }) }));
    expectFill(r, 100 * (1 + COST), 100);
  });

  it('does not draw from the rng for a touch when there is no capacity', () => {
    expectNoFill(matchOrder(order({ type: 'LIMIT', limitPrice: 95 }), BAR, ctx({ capacity: 0 })), false);
  });

  it('uses the filled quantity for impact', () => {
    // 25 units: impact = 1 * 0.04 * sqrt(25 / 10_000) = 0.002
    const r = matchOrder(order({}), BAR, ctx({ capacity: 25, sim: sim({ impact_k: 1 }), sigmaDaily: 0.04, adv20: 10_000 }));
    expectFill(r, 100 * (1 + COST + 0.002), 100, 25);
  });
});

describe('bad input', () => {
  it('names the missing price of the order type', () => {
    expect(() => matchOrder(order({ type: 'LIMIT' }), BAR, ctx())).toThrow(/LIMIT order needs a finite limitPrice/);
    expect(() => matchOrder(order({ type: 'STOP_LIMIT', limitPrice: 1 }), BAR, ctx())).toThrow(
      /STOP_LIMIT order needs a finite stopPrice/,
    );
  });

  it('rejects a non-positive remaining, an inverted bar and a NaN capacity', () => {
    expect(() => matchOrder(order({ remaining: 0 }), BAR, ctx())).toThrow(/remaining must be a positive/);
    expect(() => matchOrder(order({}), { ...BAR, low: 106 }, ctx())).toThrow(/invalid bar .*low <= high/);
    expect(() => matchOrder(order({}), BAR, ctx({ capacity: Number.NaN }))).toThrow(/capacity is NaN/);
  });
});

describe('tick rounding', () => {
  const cent = (over: Partial<MatchContext> = {}) => ctx({ tickSize: 0.01, ...over });

  it('prints a market fill at the nearest tick after costs, for both sides', () => {
    const bar: MatchBar = { open: 100.013, high: 101, low: 99, close: 100.5, volume: 10_000 };
    // 100.013 x 1.0006 = 100.0730078 -> 100.07; 100.013 x 0.9994 = 99.9529922 -> 99.95
    expectFill(matchOrder(order({}), bar, cent()), 100.07, 100.013);
    expect(matchOrder(order({}), bar, cent()).price).toBe(100.07);
    expect(matchOrder(order({ side: 'SELL' }), bar, cent()).price).toBe(99.95);
  });

  it('never rounds a limit order past its limit', () => {
    // 100.02 x 1.0006 = 100.080012, capped at the limit 100.076; the nearest tick 100.08 is worse, so 100.07.
    const bar: MatchBar = { open: 100.02, high: 101, low: 99, close: 100.5, volume: 10_000 };
    expect(matchOrder(order({ type: 'LIMIT', limitPrice: 100.076 }), bar, cent()).price).toBe(100.07);
    // Mirrored: 99.98 x 0.9994 = 99.920012 floored at the limit 99.924; the nearest 99.92 is worse, so 99.93.
    const down: MatchBar = { open: 99.98, high: 101, low: 99, close: 100.5, volume: 10_000 };
    expect(matchOrder(order({ side: 'SELL', type: 'LIMIT', limitPrice: 99.924 }), down, cent()).price).toBe(99.93);
  });

  it('prints a limit traded through off the grid at the tick on the trader\'s side of it', () => {
    const r = matchOrder(order({ type: 'LIMIT', limitPrice: 99.005 }), BAR, cent());
    expect(r.price).toBe(99);
    expect(r.referencePrice).toBe(99.005);
    expect(matchOrder(order({ side: 'SELL', type: 'LIMIT', limitPrice: 103.004 }), BAR, cent()).price).toBe(103.01);
  });

  it('keeps a fill within the bar after rounding', () => {
    // 100 x 1.0006 = 100.06 is capped at the high 100.046; the nearest 100.05 is above it, so 100.04.
    expect(matchOrder(order({}), { open: 100, high: 100.046, low: 99, close: 100, volume: 10_000 }, cent()).price).toBe(100.04);
    // 100 x 0.9994 = 99.94 is floored at the low 99.954; the nearest 99.95 is below it, so 99.96.
    expect(matchOrder(order({ side: 'SELL' }), { open: 100, high: 101, low: 99.954, close: 100, volume: 10_000 }, cent()).price).toBe(99.96);
  });

  it('leaves the price alone when no tick lies inside the bar', () => {
    const offGrid: MatchBar = { open: 100.003, high: 100.004, low: 100.002, close: 100.003, volume: 10_000 };
    expect(matchOrder(order({}), offGrid, cent()).price).toBe(100.004);
  });

  it('rounds FX to a 0.0001 pip', () => {
    const eurusd: MatchBar = { open: 1.08537, high: 1.087, low: 1.084, close: 1.0861, volume: 10_000 };
    // 1.08537 x 1.0006 = 1.086021222 -> 1.0860; 1.08537 x 0.9994 = 1.084718778 -> 1.0847
    expect(matchOrder(order({}), eurusd, cent({ tickSize: 0.0001 })).price).toBe(1.086);
    expect(matchOrder(order({ side: 'SELL' }), eurusd, cent({ tickSize: 0.0001 })).price).toBe(1.0847);
  });
});

describe('roundToTick', () => {
  it('rounds to the nearest multiple and steps back inside the bounds', () => {
    expect(roundToTick(10.014, 0, 20, 0.01)).toBe(10.01);
    expect(roundToTick(10.016, 0, 20, 0.01)).toBe(10.02);
    expect(roundToTick(10.016, 0, 10.016, 0.01)).toBe(10.01);
    expect(roundToTick(10.011, 10.011, 20, 0.01)).toBe(10.02);
    expect(roundToTick(10.13, 0, 20, 0.25)).toBe(10.25);
  });

  it('handles a tick whose inverse is not whole, and 0 as off', () => {
    expect(roundToTick(1, 0, 2, 0.003)).toBeCloseTo(0.999, 12);
    expect(roundToTick(10.013, 0, 20, 0)).toBe(10.013);
  });
});
