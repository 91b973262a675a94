import { parseArgs } from 'node:util';

export const USAGE = `usage: tradedesk fake-tws [--port <n>] [--csv <file> [--symbol <S>]]... [--speed <bars per second>]

  --port N      TCP port on 127.0.0.1 (default 7497, TWS paper); 0 picks a free one
  --csv FILE    a daily OHLCV file to replay (repeatable); default: a synthetic 20-symbol universe
  --symbol S    the symbol of the preceding --csv (default: from the file name, GOOG.csv -> GOOG)
  --speed N     bars replayed per second (default 1; 0 = frozen market)`;

export interface CsvSource {
  file: string;
  symbol?: string;
}

export interface CliArgs {
  help: boolean;
  port: number;
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

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      tokens: true,
      strict: true,
      options: {
        port: { type: 'string' },
        csv: { type: 'string', multiple: true },
        symbol: { type: 'string', multiple: true },
        speed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const out: CliArgs = { help: parsed.values.help === true, port: 7497, speed: 1, csv: [] };
  for (const t of parsed.tokens) {
    if (t.kind !== 'option' || t.value === undefined) continue;
    const v = t.value;
    if (t.name === 'csv') out.csv.push({ file: v });
    else if (t.name === 'symbol') {
      const last = out.csv.at(-1);
      if (!last || last.symbol !== undefined) throw new UsageError(`--symbol ${v} must follow its own --csv <file>`);
      if (!/^[A-Za-z0-9._-]{1,20}$/.test(v)) throw new UsageError(`--symbol "${v}" is not a ticker (letters, digits, . _ -)`);
      last.symbol = v.toUpperCase();
    } else if (t.name === 'port') out.port = number('--port', v, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'an integer 0..65535');
    else if (t.name === 'speed') out.speed = number('--speed', v, (n) => n >= 0 && n <= 1000, 'a number of bars per second in 0..1000');
  }
  return out;
}
