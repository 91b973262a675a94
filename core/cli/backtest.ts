import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSpecFile } from '../config/loadSpec';
import { runSpec } from '../service/runSpec';
import { defaultDbPath, openDatabase } from '../store/db';
import { createProgressBar } from './progressBar';
import { summaryJson, summaryTable } from './summary';

const USAGE = `usage: tradedesk backtest <spec.yaml> [--set key.path=value ...] [--json] [--db <file> | --memory]

  --set k=v   override a spec key (dotted path; value parsed as YAML), e.g. --set simulator.slippage_bps=3
  --json      print exactly one JSON object with the run's results on stdout
  --db FILE   record the run in this SQLite file (default: the app's data directory)
  --memory    run without recording anything`;

/** `tradedesk backtest`: runs one spec and prints its summary (or one JSON object); answers the exit code. */
export async function backtestCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        set: { type: 'string', multiple: true, default: [] },
        json: { type: 'boolean', default: false },
        db: { type: 'string' },
        memory: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.positionals.length !== 1) {
    process.stderr.write(`error: expected one spec file, got ${args.positionals.length}\n${USAGE}\n`);
    return 2;
  }
  const spec = loadSpecFile(args.positionals[0], args.values.set);
  const dbPath = args.values.memory ? null : path.resolve(args.values.db ?? defaultDbPath());
  const db = dbPath ? openDatabase(dbPath) : undefined;
  const tty = !args.values.json && process.stderr.isTTY;
  const bar = tty ? createProgressBar(process.stderr, spec.name) : null;
  try {
    const outcome = await runSpec(spec, { db, onProgress: bar ? (d, t) => bar.update(d, t) : undefined });
    bar?.end();
    if (args.values.json) process.stdout.write(`${JSON.stringify(summaryJson(outcome, dbPath, spec))}\n`);
    else {
      process.stdout.write(`${summaryTable(outcome, spec)}\n`);
      if (dbPath) process.stdout.write(`recorded in ${dbPath}\n`);
    }
    if (outcome.result.status === 'failed') {
      process.stderr.write(`error: ${outcome.result.error}\n`);
      return 1;
    }
    return 0;
  } finally {
    db?.close();
  }
}
