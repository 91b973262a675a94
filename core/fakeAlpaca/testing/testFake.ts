import { simulatorSchema } from '../../config/simulatorSchema';
import { dailySeries } from '../../data/seriesFromBars';
import { startFakeAlpaca } from '../index';
import type { FakeAlpaca } from '../types';
import { field, rest } from './rest';

/**
 * Daily bars of AAA from 2020-01-01, [open, high, low, close, volume]: 1,000 shares a bar, so the
 * 10% participation cap lets an order take 100 shares per bar.
 */
export const AAA_ROWS = [
  [100, 101, 99, 100, 1000],
  [101, 103, 100, 102, 1000],
  [102, 106, 101, 105, 1000],
  [105, 105, 96, 97, 1000],
  [97, 99, 90, 92, 1000],
  [92, 95, 91, 94, 1000],
  [94, 96, 93, 95, 1000],
  [95, 97, 94, 96, 1000],
] as const;

/** A fake over AAA (and a quiet BBB) at its first bar, with no spread, slippage or commission: fill prices are exact. */
export function startTestFake(): Promise<FakeAlpaca> {
  return startFakeAlpaca({
    series: [dailySeries('AAA', AAA_ROWS), dailySeries('BBB', AAA_ROWS.map(() => [50, 50, 50, 50, 1_000_000]))],
    startBar: 0,
    sim: simulatorSchema.parse({ spread_bps: 0, slippage_bps: 0, commission: { model: 'none' }, limit_fill: 'penetrate' }),
  });
}

/** POST /v2/orders; answers the order JSON (throws with Alpaca's message on a refusal). */
export async function place(fake: FakeAlpaca, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await rest(fake, 'POST', '/v2/orders', { body });
  if (r.status !== 200) throw new Error(`POST /v2/orders ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

/** The fake's view of one order. */
export function orderState(fake: FakeAlpaca, id: unknown) {
  const o = fake.state().orders.find((x) => x.id === id);
  if (!o) throw new Error(`no order ${String(id)} in the fake's state`);
  return o;
}

export function legIds(order: Record<string, unknown>): string[] {
  const legs = field(order, 'legs');
  if (!Array.isArray(legs)) throw new Error(`order has no legs: ${JSON.stringify(order)}`);
  return legs.map((l) => String(field(l, 'id')));
}
