import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCommand, type CommandRun } from './testing/runCommand';
import { EventName, SecType } from '@stoqey/ib';
import { connectClient, eventually } from './testing/ibTestClient';

const GOOG = fileURLToPath(new URL('../../fixtures/data/GOOG.csv', import.meta.url));
const run = (args: string[]): CommandRun => runCommand('fake-tws', args);

describe('tradedesk fake-tws', () => {
  it('prints its loopback address, logs connections, replays the CSV market and stops on SIGINT', async () => {
    const r = run(['--port', '0', '--csv', GOOG, '--symbol', 'GOOG', '--speed', '20']);
    try {
      const m = await eventually(() => /fake TWS listening on 127\.0\.0\.1:(\d+) \(protocol versions 176\.\.193, account DU1234567, 1 symbol, 20 bars\/s\)/.exec(r.out()) ?? undefined, 'listening line', 20_000);
      const c = await connectClient(Number(m[1]), 5);
      await eventually(() => /client 127\.0\.0\.1:\d+: API started with client id 5/.test(r.out()), 'connection logged');
      c.api.reqMktData(1, { symbol: 'GOOG', secType: SecType.STK, exchange: 'SMART', currency: 'USD' }, '', false, false);
      const lasts = (): Set<unknown> => new Set(c.of(EventName.tickPrice).filter((t) => t[1] === 4).map((t) => t[2]));
      await eventually(() => lasts().size >= 2, 'the replayed market moves the last price', 10_000);
      c.close();
      await eventually(() => /disconnected/.test(r.out()), 'disconnection logged');
      r.child.kill('SIGINT');
      expect(await r.exit).toBe(0);
      expect(r.out()).toMatch(/stopping\n$/);
      expect(r.err()).toBe('');
    } finally {
      r.child.kill('SIGKILL');
    }
  });

  it('rejects bad arguments with exit code 2 and the usage', async () => {
    const r = run(['--speed', 'fast']);
    expect(await r.exit).toBe(2);
    expect(r.err()).toMatch(/^error: --speed expects a number of bars per second in 0\.\.1000, got "fast"\nusage: tradedesk fake-tws/);
  });

  it('reports an unreadable CSV with exit code 1', async () => {
    const r = run(['--port', '0', '--csv', '/nonexistent/prices.csv']);
    expect(await r.exit).toBe(1);
    expect(r.err()).toMatch(/^error: .*\/nonexistent\/prices\.csv/);
  });
});
