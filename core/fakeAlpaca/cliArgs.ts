import { parseReplayArgs, portNumber, UsageError, type ReplayArgs } from '../fakeTws/replayArgs';

export { UsageError };

export const USAGE = `usage: tradedesk fake-alpaca [--port <n>] [--data-port <n>] [--csv <file> [--symbol <S>]]... [--speed <bars per second>]

  --port N       trading API port on 127.0.0.1 (REST and the /stream WebSocket; default 8787); 0 picks a free one
  --data-port N  market-data port (REST and /v2/iex, /v2/sip; default: --port + 1, or a free one with --port 0)
  --csv FILE     a daily OHLCV file to replay (repeatable); default: a synthetic 20-symbol market
  --symbol S     the symbol of the preceding --csv (default: from the file name, GOOG.csv -> GOOG)
  --speed N      bars replayed per second (default 1; 0 = frozen market)`;

export interface CliArgs extends Omit<ReplayArgs, 'extra'> {
  dataPort: number;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { help, port, speed, csv, extra } = parseReplayArgs(argv, 8787, ['data-port']);
  const given = extra['data-port'];
  const dataPort = given === undefined ? (port === 0 ? 0 : port + 1) : portNumber('--data-port', given);
  if (dataPort > 65535) throw new UsageError(`--port ${port} leaves no port above it for market data: give --data-port`);
  if (dataPort !== 0 && dataPort === port) throw new UsageError(`--data-port must differ from --port (both ${port})`);
  return { help, port, dataPort, speed, csv };
}
