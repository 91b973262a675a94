import { SecType, type Contract } from '@stoqey/ib';
import { afterEach } from 'vitest';
import { dailySeries } from '../../data/seriesFromBars';
import type { BarSeries } from '../../data/BarSeries';
import { startFakeTws, type FakeTws, type FakeTwsOptions } from '../index';
import { connectClient, openClient, type TestClient } from './ibTestClient';

/**
 * Hand-made daily bars [open, high, low, close, volume] from 2020-01-01, so tests know every price:
 * AAA drifts down to 95 then up through 105; BBB trades only 1,000 shares a bar (a 100-share cap at
 * the default 10 % participation).
 */
export function testMarket(): BarSeries[] {
  return [
    dailySeries('AAA', [
      [100, 101, 99, 100, 1_000_000],
      [100, 102, 98, 99, 1_000_000],
      [99, 100, 95, 96, 1_000_000],
      [96, 105, 96, 104, 1_000_000],
      [104, 106, 103, 105, 1_000_000],
      [105, 107, 104, 106, 1_000_000],
    ]),
    dailySeries('BBB', Array.from({ length: 6 }, () => [50, 50.5, 49.5, 50, 1_000])),
  ];
}

export const stock = (symbol: string): Contract => ({ symbol, secType: SecType.STK, exchange: 'SMART', currency: 'USD' });

export interface Harness {
  start(opts?: FakeTwsOptions): Promise<FakeTws>;
  /** Connects a ready client (closed after the test). */
  connect(clientId?: number): Promise<TestClient>;
  /** Opens a client without waiting for readiness (closed after the test). */
  open(clientId?: number): TestClient;
  readonly tws: FakeTws;
  readonly log: string[];
}

/** Per-test fake TWS + clients, torn down after each test of the calling file. */
export function useHarness(): Harness {
  let tws: FakeTws | undefined;
  const clients: TestClient[] = [];
  const log: string[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await tws?.close();
    tws = undefined;
    log.length = 0;
  });
  const current = (): FakeTws => {
    if (!tws) throw new Error('harness: start() first');
    return tws;
  };
  return {
    async start(opts = {}) {
      tws = await startFakeTws({ series: testMarket(), startBar: 0, log: (l) => log.push(l), ...opts });
      return tws;
    },
    async connect(clientId = 7) {
      const c = await connectClient(current().port, clientId);
      clients.push(c);
      return c;
    },
    open(clientId = 7) {
      const c = openClient(current().port, clientId);
      clients.push(c);
      return c;
    },
    get tws() {
      return current();
    },
    log,
  };
}
