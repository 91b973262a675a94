import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCommand, type CommandRun } from '../fakeTws/testing/runCommand';
import { parseCliArgs } from './cliArgs';
import { waitFor, waitForAsync } from './testing/waitFor';

const GOOG = fileURLToPath(new URL('../../fixtures/data/GOOG.csv', import.meta.url));
const run = (args: string[]): CommandRun => runCommand('fake-alpaca', args);

describe('tradedesk fake-alpaca', () => {
  it('prints its URLs and demo keys, serves the CSV market as it replays it and stops on SIGINT', async () => {
    const r = run(['--port', '0', '--csv', GOOG, '--symbol', 'GOOG', '--speed', '20']);
    try {
      await waitFor(() => /APCA_API_SECRET_KEY=\S+\n/.test(r.out()), 'the startup lines', 20_000);
      expect(r.out()).toMatch(/fake Alpaca listening on 127\.0\.0\.1 \(1 symbol, 20 bars\/s\)/);
      const url = (label: string): string => new RegExp(`${label}\\s+(\\S+)`).exec(r.out())?.[1] ?? '';
      expect(url('trade updates')).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/stream$/);
      const key = /APCA_API_KEY_ID=(\S+)/.exec(r.out())?.[1] ?? '';
      const secret = /APCA_API_SECRET_KEY=(\S+)/.exec(r.out())?.[1] ?? '';
      const headers = { 'APCA-API-KEY-ID': key, 'APCA-API-SECRET-KEY': secret };
      const account = await fetch(`${url('trading API')}/v2/account`, { headers });
      expect(account.status).toBe(200);
      const latest = async (): Promise<string> => {
        const res = await fetch(`${url('market data')}/v2/stocks/GOOG/bars/latest`, { headers });
        return ((await res.json()) as { bar: { t: string } }).bar.t;
      };
      const first = await latest();
      await waitForAsync(async () => (await latest()) > first, 'the replay to move on', 10_000);
      r.child.kill('SIGINT');
      expect(await r.exit).toBe(0);
      expect(r.out()).toMatch(/stopping\n$/);
      expect(r.err()).toBe('');
    } finally {
      r.child.kill('SIGKILL');
    }
  });

  it('rejects bad arguments with exit code 2 and the usage', async () => {
    const r = run(['--port', 'x']);
    expect(await r.exit).toBe(2);
    expect(r.err()).toMatch(/^error: --port expects an integer 0\.\.65535, got "x"\nusage: tradedesk fake-alpaca/);
  });
});

describe('fake-alpaca arguments', () => {
  it('puts market data on the next port unless told, and pairs each --symbol with its --csv', () => {
    expect(parseCliArgs([])).toMatchObject({ port: 8787, dataPort: 8788, speed: 1, csv: [] });
    expect(parseCliArgs(['--port', '0'])).toMatchObject({ port: 0, dataPort: 0 });
    expect(parseCliArgs(['--port', '9000', '--data-port', '9100', '--csv', 'a.csv', '--symbol', 'abc', '--csv', 'b.csv'])).toMatchObject({
      port: 9000,
      dataPort: 9100,
      csv: [{ file: 'a.csv', symbol: 'ABC' }, { file: 'b.csv' }],
    });
    expect(() => parseCliArgs(['--symbol', 'X'])).toThrow('--symbol X must follow its own --csv <file>');
    expect(() => parseCliArgs(['--port', '65535'])).toThrow('leaves no port above it');
    expect(() => parseCliArgs(['--port', '9000', '--data-port', '9000'])).toThrow('--data-port must differ from --port');
    expect(() => parseCliArgs(['--speed=-1'])).toThrow('--speed expects a number of bars per second in 0..1000, got "-1"');
  });
});
