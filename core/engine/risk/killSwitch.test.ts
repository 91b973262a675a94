import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../broker/events';
import { dailySeries } from '../../data/seriesFromBars';
import { testMarket } from '../../sim/testMarket';
import { KILL_SWITCH_INTENT, runKillSwitch } from './killSwitch';

function market() {
  const bar = (p: number) => [p, p + 1, p - 1, p, 1_000_000];
  const rows = Array.from({ length: 10 }, () => bar(100));
  return testMarket(['AAA', 'BBB', 'CCC'].map((s) => dailySeries(s, rows)), { sim: { commission: { model: 'none' } } });
}

describe('runKillSwitch against the backtest broker', () => {
  it('cancels every working order and leaves positions alone without flatten', async () => {
    const { broker, step } = market();
    broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
    step();
    const working = [
      broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 5, limitPrice: 50, timeInForce: 'GTC' }),
      broker.submitOrder({ instrument: 'BBB', side: 'SELL', type: 'STOP', quantity: 5, stopPrice: 50, timeInForce: 'GTC' }),
    ];
    const report = await runKillSwitch(broker, { flatten: false, at: 123 });
    expect(report.at).toBe(123);
    expect(report.cancelled.map((c) => [c.orderId, c.accepted])).toEqual(working.map((w) => [w.orderId, true]));
    expect(report.flatten).toEqual([]);
    expect(broker.getOpenOrders()).toEqual([]);
    expect(broker.getPositions().map((p) => [p.instrument, p.quantity])).toEqual([['AAA', 10]]);
  });

  it('with flatten, readies each instrument, closes longs with sells before shorts with buys, and the market closes them all', async () => {
    const { broker, step } = market();
    broker.submitOrders([
      { instrument: 'AAA', side: 'SELL', type: 'MARKET', quantity: 7, timeInForce: 'DAY' },
      { instrument: 'BBB', side: 'BUY', type: 'MARKET', quantity: 20, timeInForce: 'DAY' },
      { instrument: 'CCC', side: 'BUY', type: 'MARKET', quantity: 3, timeInForce: 'DAY' },
    ]);
    step();
    broker.submitOrder({ instrument: 'CCC', side: 'BUY', type: 'LIMIT', quantity: 4, limitPrice: 10, timeInForce: 'GTC' });
    const events: BrokerEvent[] = [];
    broker.subscribe((e) => events.push(e));
    const prepared: string[] = [];
    const prepare = async (s: string) => {
      prepared.push(s);
      if (s === 'CCC') throw new Error('lookup failed');
    };
    const report = await runKillSwitch(broker, { flatten: true, at: 0, prepare });
    expect(prepared.sort()).toEqual(['AAA', 'BBB', 'CCC']);
    expect(report.cancelled).toHaveLength(1);
    expect(report.flatten.map((f) => [f.instrument, f.side, f.quantity, f.ack.accepted])).toEqual([
      ['BBB', 'SELL', 20, true],
      ['CCC', 'SELL', 3, true],
      ['AAA', 'BUY', 7, true],
    ]);
    expect(events.map((e) => e.type)).toEqual(['OrderCancelled', 'OrderAccepted', 'OrderAccepted', 'OrderAccepted']);
    const sent = events.filter((e) => e.type === 'OrderAccepted').map((e) => e.order);
    expect(sent.every((o) => o.type === 'MARKET' && o.metadata?.intent === KILL_SWITCH_INTENT)).toBe(true);
    step();
    expect(broker.getPositions()).toEqual([]);
    expect(broker.getOpenOrders()).toEqual([]);
  });

  it('does nothing, and says so, when nothing is open or held', async () => {
    const { broker } = market();
    expect(await runKillSwitch(broker, { flatten: true, at: 5 })).toEqual({ at: 5, cancelled: [], flatten: [] });
  });
});
