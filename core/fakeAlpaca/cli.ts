import { symbolFromFileName } from '../data/csv/loadBarsCsv';
import { replaySpeed, say, serveReplayCommand } from '../fakeTws/replayArgs';
import { parseCliArgs, USAGE, type CliArgs } from './cliArgs';
import { startFakeAlpaca, type FakeAlpaca } from './index';

/** `tradedesk fake-alpaca`: serves the fake Alpaca until SIGINT/SIGTERM; answers the exit code. */
export function fakeAlpacaCommand(argv: string[]): Promise<number> {
  return serveReplayCommand(argv, USAGE, parseCliArgs, start);
}

async function start(args: CliArgs): Promise<FakeAlpaca> {
  const csv = args.csv.map((c) => ({ file: c.file, symbol: c.symbol ?? symbolFromFileName(c.file) }));
  const fake = await startFakeAlpaca({
    port: args.port,
    dataPort: args.dataPort,
    csv,
    clock: args.speed === 0 ? 'manual' : { intervalMs: 1000 / args.speed },
    log: (line) => say(`${new Date().toISOString()} ${line}`),
  });
  const n = fake.symbols.length;
  const speed = replaySpeed(args.speed);
  say(`fake Alpaca listening on 127.0.0.1 (${n} symbol${n === 1 ? '' : 's'}, ${speed})`);
  say(`  trading API    ${fake.tradingBaseUrl}`);
  say(`  trade updates  ${fake.tradingStreamUrl}`);
  say(`  market data    ${fake.dataBaseUrl}`);
  say(`  data stream    ${fake.dataStreamUrl}/v2/iex`);
  say(`  APCA_API_KEY_ID=${fake.keyId}`);
  say(`  APCA_API_SECRET_KEY=${fake.secretKey}`);
  return fake;
}
