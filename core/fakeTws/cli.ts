import { loadBarsCsv } from '../data/csv/loadBarsCsv';
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
  const speed = args.speed === 0 ? 'frozen market' : `${args.speed} bar${args.speed === 1 ? '' : 's'}/s`;
  say(`fake TWS listening on ${tws.host}:${tws.port} (protocol versions ${MIN_VERSION}..${MAX_VERSION}, account ${tws.accountId}, ${tws.symbols.length} symbol${tws.symbols.length === 1 ? '' : 's'}, ${speed})`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      say('stopping');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await tws.close();
  return 0;
}
