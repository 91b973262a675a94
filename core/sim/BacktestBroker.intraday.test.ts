import { describe, expect, it } from 'vitest';
import { simulatorSchema, type SimulatorConfig } from '../config/simulatorSchema';
import { seriesFromBars } from '../data/seriesFromBars';
import type { OrderRequest } from '../domain/order';
import { BacktestBroker } from './BacktestBroker';
import { TimeMachine } from './timeMachine';

/**
 * Two trading days of three 1-minute bars each. Bar k of the whole run has open 100 + k, close 100.5 + k,
 * so every fill price says which bar it came from; volume 1000 per bar.
 */
const STAMPS = ['2024-03-04T09:31', '2024-03-04T09:32', '2024-03-04T09:33', '2024-03-05T09:31', '2024-03-05T09:32', '2024-03-05T09:33'];
const ts = (i: number): number => Date.parse(`${STAMPS[i]}:00Z`);

function setup(sim: Partial<Record<keyof SimulatorConfig, unknown>> = {}) {
  const bars = STAMPS.map((_, k) => ({ ts: ts(k), open: 100 + k, high: 101 + k, low: 99 + k, close: 100.5 + k, volume: 1000 }));
  const series = seriesFromBars('AAA', bars, 60);
  const tm = new TimeMachine([series], series.ts);
  const cfg = simulatorSchema.parse({ commission: { model: 'none' }, slippage_bps: 0, spread_bps: 0, ...sim });
  const broker = new BacktestBroker({ tm, sim: cfg, initialCash: 1e6, seed: 1 });
  /** Moves to bar `i`, lets it trade and closes it, as the runner does. */
  const barTo = (i: number) => {
    tm.advanceTo(i);
    broker.processBar();
    broker.endOfSession();
  };
  const submit = (r: Partial<OrderRequest>) =>
    broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY', ...r });
  const status = (id: string) => broker.getOrderStatus(id);
  return { tm, broker, barTo, submit, status };
}

describe('BacktestBroker on intraday bars: the trading day is the session', () => {
  it('keeps a DAY order working over the day’s bars and expires it after the day’s last bar', () => {
    const { broker, barTo, submit, status } = setup();
    barTo(0);
    // Capped at 10 % of 1000 per bar: 100 at 09:32, 100 at 09:33, then the day is over.
    const ack = submit({ quantity: 500 });
    barTo(1);
    expect(status(ack.orderId)).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: 100 });
    barTo(2);
    expect(status(ack.orderId)).toMatchObject({ status: 'CANCELLED', filledQuantity: 200, statusReason: expect.stringMatching(/expired/) });
    expect(broker.getFills().map((f) => [f.timestamp, f.price])).toEqual([[ts(1), 101], [ts(2), 102]]);
    barTo(3);
    expect(broker.getFills()).toHaveLength(2);
  });

  it('keeps an unfilled DAY limit until the close, and one sent after the close works the next day', () => {
    const { barTo, submit, status } = setup();
    barTo(0);
    const low = submit({ type: 'LIMIT', limitPrice: 90 });
    barTo(1);
    expect(status(low.orderId)?.status).toBe('ACCEPTED');
    barTo(2);
    expect(status(low.orderId)?.status).toBe('CANCELLED');
    // Sent after 09:33, the day's last bar: it first trades at the next day's open.
    const next = submit({ type: 'LIMIT', limitPrice: 103.5 });
    barTo(3);
    expect(status(next.orderId)).toMatchObject({ status: 'FILLED', avgFillPrice: 103 });
  });

  it('fills AT_CLOSE at the close of the day’s last bar, not of the next bar', () => {
    const { broker, barTo, submit, status } = setup();
    barTo(0);
    const ack = submit({ timeInForce: 'AT_CLOSE' });
    barTo(1);
    expect(status(ack.orderId)?.status).toBe('ACCEPTED');
    barTo(2);
    expect(status(ack.orderId)?.status).toBe('FILLED');
    expect(broker.getFills().map((f) => [f.timestamp, f.price])).toEqual([[ts(2), 102.5]]);
  });

  it('fills AT_OPEN at the open of the next day’s first bar, not of the next bar', () => {
    const { broker, barTo, submit, status } = setup();
    barTo(0);
    const ack = submit({ timeInForce: 'AT_OPEN' });
    barTo(1);
    barTo(2);
    expect(status(ack.orderId)?.status).toBe('ACCEPTED');
    barTo(3);
    expect(broker.getFills().map((f) => [f.timestamp, f.price])).toEqual([[ts(3), 103]]);
  });

  it('under same_close, AT_CLOSE decided mid-day waits for the close; decided at the last bar it fills there', () => {
    const { broker, barTo, submit, tm } = setup({ fill_timing: 'same_close' });
    barTo(0);
    submit({ timeInForce: 'AT_CLOSE' });
    broker.processDecision();
    expect(broker.getFills()).toHaveLength(0);
    barTo(1);
    barTo(2);
    expect(broker.getFills().map((f) => f.price)).toEqual([102.5]);
    // At the close of day 2's last bar, decided and filled on that very close.
    tm.advanceTo(3);
    barTo(4);
    barTo(5);
    submit({ timeInForce: 'AT_CLOSE' });
    broker.processDecision();
    expect(broker.getFills().map((f) => [f.timestamp, f.price])).toEqual([[ts(2), 102.5], [ts(5), 105.5]]);
  });

  it('cancels an AT_OPEN order whose only chance, the day’s first bar, cannot fill it', () => {
    const { barTo, submit, status } = setup();
    barTo(2);
    const ack = submit({ type: 'LIMIT', limitPrice: 50, timeInForce: 'AT_OPEN' });
    barTo(3);
    expect(status(ack.orderId)).toMatchObject({ status: 'CANCELLED', statusReason: expect.stringMatching(/AT_OPEN/) });
  });
});
