import { parseArgs } from 'node:util';

export const USAGE = `usage: tradedesk fake-alpaca [--port <n>] [--data-port <n>] [--csv <file> [--symbol <S>]]... [--speed <bars per second>]

  --port N       trading API port on 127.0.0.1 (REST and the /stream WebSocket; default 8787); 0 picks a free one
  --data-port N  market-data port (REST and /v2/iex, /v2/sip; default: --port + 1, or a free one with --port 0)
  --csv FILE     a daily OHLCV file to replay (repeatable); default: a synthetic 20-symbol market
  --symbol S     the symbol of the preceding --csv (default: from the file name, GOOG.csv -> GOOG)
  --speed N      bars replayed per second (default 1; 0 = frozen market)`;

export interface CsvSource {
  file: string;
  symbol?: string;
}

export interface CliArgs {
  help: boolean;
  port: number;
  dataPort: number;
  speed: number;
  csv: CsvSource[];
}

/** A wrong call: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function number(flag: string, text: string, ok: (n: number) => boolean, expected: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !ok(n)) throw new UsageError(`${flag} expects ${expected}, got "${text}"`);
  return n;
}

const isPort = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 65535;

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      tokens: true,
      strict: true,
      options: {
        port: { type: 'string' },
        'data-port': { type: 'string' },
        csv: { type: 'string', multiple: true },
        symbol: { type: 'string', multiple: true },
        speed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const out: CliArgs = { help: parsed.values.help === true, port: 8787, dataPort: -1, speed: 1, csv: [] };
  for (const t of parsed.tokens) {
    if (t.kind !== 'option' || t.value === undefined) continue;
    const v = t.value;
    if (t.name === 'csv') out.csv.push({ file: v });
    else if (t.name === 'symbol') {
      const last = out.csv.at(-1);
      if (!last || last.symbol !== undefined) throw new UsageError(`--symbol ${v} must follow its own --csv <file>`);
      if (!/^[A-Za-z0-9._-]{1,20}$/.test(v)) throw new UsageError(`--symbol "${v}" is not a ticker (letters, digits, . _ -)`);
      last.symbol = v.toUpperCase();
    } else if (t.name === 'port') out.port = number('--port', v, isPort, 'an integer 0..65535');
    else if (t.name === 'data-port') out.dataPort = number('--data-port', v, isPort, 'an integer 0..65535');
    else if (t.name === 'speed') out.speed = number('--speed', v, (n) => n >= 0 && n <= 1000, 'a number of bars per second in 0..1000');
  }
  if (out.dataPort < 0) out.dataPort = out.port === 0 ? 0 : out.port + 1;
  if (out.dataPort > 65535) throw new UsageError(`--port ${out.port} leaves no port above it for market data: give --data-port`);
  if (out.dataPort !== 0 && out.dataPort === out.port) throw new UsageError(`--data-port must differ from --port (both ${out.port})`);
  return out;
}
