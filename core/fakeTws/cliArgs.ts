import { parseReplayArgs, type ReplayArgs } from './replayArgs';

export { UsageError } from './replayArgs';

export const USAGE = `usage: tradedesk fake-tws [--port <n>] [--csv <file> [--symbol <S>]]... [--speed <bars per second>]

  --port N      TCP port on 127.0.0.1 (default 7497, TWS paper); 0 picks a free one
  --csv FILE    a daily OHLCV file to replay (repeatable); default: a synthetic 20-symbol universe
  --symbol S    the symbol of the preceding --csv (default: from the file name, GOOG.csv -> GOOG)
  --speed N     bars replayed per second (default 1; 0 = frozen market)`;

export type CliArgs = Omit<ReplayArgs, 'extra'>;

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { help, port, speed, csv } = parseReplayArgs(argv, 7497);
  return { help, port, speed, csv };
}
