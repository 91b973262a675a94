import { parseArgs } from 'node:util';

/** What every fake broker (this fake TWS, core/fakeAlpaca) shares on the command line: a port, CSV files to replay with their symbols, a speed, and serving until stopped. */

export interface CsvSource {
  file: string;
  symbol?: string;
}

export interface ReplayArgs {
  help: boolean;
  port: number;
  speed: number;
  csv: CsvSource[];
  /** The values of the command's own string options, by name. */
  extra: Record<string, string>;
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

export function portNumber(flag: string, text: string): number {
  return number(flag, text, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'an integer 0..65535');
}

/** Parses --port, --csv FILE [--symbol S]..., --speed and --help, plus the command's own string options. */
export function parseReplayArgs(argv: readonly string[], defaultPort: number, extraOptions: readonly string[] = []): ReplayArgs {
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
        ...Object.fromEntries(extraOptions.map((name) => [name, { type: 'string' as const }])),
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const out: ReplayArgs = { help: parsed.values.help === true, port: defaultPort, speed: 1, csv: [], extra: {} };
  for (const t of parsed.tokens) {
    if (t.kind !== 'option' || t.value === undefined) continue;
    const v = t.value;
    const name: string = t.name;
    if (name === 'csv') out.csv.push({ file: v });
    else if (name === 'symbol') {
      const last = out.csv.at(-1);
      if (!last || last.symbol !== undefined) throw new UsageError(`--symbol ${v} must follow its own --csv <file>`);
      if (!/^[A-Za-z0-9._-]{1,20}$/.test(v)) throw new UsageError(`--symbol "${v}" is not a ticker (letters, digits, . _ -)`);
      last.symbol = v.toUpperCase();
    } else if (name === 'port') out.port = portNumber('--port', v);
    else if (name === 'speed') out.speed = number('--speed', v, (n) => n >= 0 && n <= 1000, 'a number of bars per second in 0..1000');
    else out.extra[name] = v;
  }
  return out;
}

/** "frozen market" or "N bar(s)/s", for the line a fake prints when it starts. */
export function replaySpeed(speed: number): string {
  return speed === 0 ? 'frozen market' : `${speed} bar${speed === 1 ? '' : 's'}/s`;
}

/** Prints a line on stdout. */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * A fake broker's command: parses `argv` (a wrong call prints the error with the usage, exit 2;
 * --help the usage, exit 0), starts the fake, and serves it until SIGINT or SIGTERM.
 */
export async function serveReplayCommand<A extends { help: boolean }>(
  argv: string[],
  usage: string,
  parse: (argv: readonly string[]) => A,
  start: (args: A) => Promise<{ close(): Promise<void> }>,
): Promise<number> {
  let args: A;
  try {
    args = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`error: ${err.message}\n${usage}\n`);
    return 2;
  }
  if (args.help) {
    say(usage);
    return 0;
  }
  const fake = await start(args);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      say('stopping');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await fake.close();
  return 0;
}
