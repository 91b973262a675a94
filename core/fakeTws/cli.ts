import { loadBarsCsv } from '../data/csv/loadBarsCsv';
import { parseCliArgs, USAGE, type CliArgs } from './cliArgs';
import { startFakeTws, type FakeTws } from './index';
import { replaySpeed, say, serveReplayCommand } from './replayArgs';
import { MAX_VERSION, MIN_VERSION } from './wire/versions';

/** `tradedesk fake-tws`: serves the fake TWS until SIGINT/SIGTERM; answers the exit code. */
export function fakeTwsCommand(argv: string[]): Promise<number> {
  return serveReplayCommand(argv, USAGE, parseCliArgs, start);
}

async function start(args: CliArgs): Promise<FakeTws> {
  const series = args.csv.length > 0 ? args.csv.map((c) => loadBarsCsv(c.file, { symbol: c.symbol })) : undefined;
  const tws = await startFakeTws({ port: args.port, series, barsPerSecond: args.speed, log: (line) => say(`${new Date().toISOString()} ${line}`) });
  const speed = replaySpeed(args.speed);
  say(`fake TWS listening on ${tws.host}:${tws.port} (protocol versions ${MIN_VERSION}..${MAX_VERSION}, account ${tws.accountId}, ${tws.symbols.length} symbol${tws.symbols.length === 1 ? '' : 's'}, ${speed})`);
  return tws;
}
