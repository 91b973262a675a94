import { afterEach, beforeEach, expect, it } from 'vitest';
import { simulatorSchema } from '../config/simulatorSchema';
import { seriesFromBars } from '../data/seriesFromBars';
import { startFakeAlpaca } from './index';
import type { FakeAlpaca } from './types';
import { field, rest } from './testing/rest';
import { orderState, place } from './testing/testFake';

/** Three one-minute bars on each of two days. */
const t = (day: number, minute: number): number => Date.parse(`2020-01-0${day}T14:3${minute}:00Z`);
const bars = [
  { ts: t(2, 1), open: 10, high: 11, low: 10, close: 10, volume: 1e6 },
  { ts: t(2, 2), open: 10, high: 12, low: 10, close: 11, volume: 1e6 },
  { ts: t(2, 3), open: 11, high: 13, low: 11, close: 12, volume: 1e6 },
  { ts: t(3, 1), open: 12, high: 12, low: 11, close: 11, volume: 1e6 },
  { ts: t(3, 2), open: 11, high: 11, low: 10, close: 10, volume: 1e6 },
  { ts: t(3, 3), open: 10, high: 10, low: 9, close: 9, volume: 1e6 },
];

let fake: FakeAlpaca;
beforeEach(async () => {
  fake = await startFakeAlpaca({
    series: [seriesFromBars('MIN', bars, 60)],
    startBar: 0,
    sim: simulatorSchema.parse({ spread_bps: 0, slippage_bps: 0, commission: { model: 'none' } }),
  });
});
afterEach(async () => {
  await fake.close();
});

it('a DAY order on intraday bars works until the last bar of its day', async () => {
  const day = await place(fake, { symbol: 'MIN', side: 'buy', type: 'limit', limit_price: 5, time_in_force: 'day', qty: 1 });
  const gtc = await place(fake, { symbol: 'MIN', side: 'buy', type: 'limit', limit_price: 5, time_in_force: 'gtc', qty: 1 });
  fake.step();
  expect(orderState(fake, day.id).status).toBe('new');
  fake.step();
  expect(orderState(fake, day.id).status).toBe('expired');
  fake.step(3);
  expect(orderState(fake, gtc.id).status).toBe('new');
});

it('serves the day\'s bar as it forms, and coarser minute bars', async () => {
  fake.step();
  const daily = (await rest(fake, 'GET', '/v2/stocks/MIN/bars?timeframe=1Day', { data: true })).body;
  expect(field(daily, 'bars')).toEqual([{ t: '2020-01-02T00:00:00.000Z', o: 10, h: 12, l: 10, c: 11, v: 2e6, n: 20000, vw: 11 }]);
  fake.step(4);
  // As Alpaca's: clock-aligned, stamped at their start (14:31 and 14:32 are in 14:30's bucket, 14:33 starts the next).
  const three = (await rest(fake, 'GET', '/v2/stocks/MIN/bars?timeframe=3Min', { data: true })).body;
  expect((field(three, 'bars') as unknown[]).map((b) => [field(b, 't'), field(b, 'o'), field(b, 'h'), field(b, 'c')])).toEqual([
    ['2020-01-02T14:30:00.000Z', 10, 12, 11],
    ['2020-01-02T14:33:00.000Z', 11, 13, 12],
    ['2020-01-03T14:30:00.000Z', 12, 12, 10],
    ['2020-01-03T14:33:00.000Z', 10, 10, 9],
  ]);
});
