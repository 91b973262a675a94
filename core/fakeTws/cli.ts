import { loadBarsCsv } from '../data/csv/loadBarsCsv';
import { replaySpeed, untilStopped } from './replayArgs';
import { parseCliArgs, UsageError, USAGE } from './cliArgs';
import { startFakeTws } from './index';
import { MAX_VERSION, MIN_VERSION } from './wire/versions';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** `tradedesk fake-tws`: serves the fake TWS until SIGINT/SIGTERM; answers the exit code. */
export async function fakeTwsCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`error: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    say(USAGE);
    return 0;
  }
  const series = args.csv.length > 0 ? args.csv.map((c) => loadBarsCsv(c.file, { symbol: c.symbol })) : undefined;
  const tws = await startFakeTws({ port: args.port, series, barsPerSecond: args.speed, log: (line) => say(`${new Date().toISOString()} ${line}`) });
  const speed = replaySpeed(args.speed);
  say(`fake TWS listening on ${tws.host}:${tws.port} (protocol versions ${MIN_VERSION}..${MAX_VERSION}, account ${tws.accountId}, ${tws.symbols.length} symbol${tws.symbols.length === 1 ? '' : 's'}, ${speed})`);
  await untilStopped(say);
  await tws.close();
  return 0;
}
