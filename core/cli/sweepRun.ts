import path from 'node:path';
import { loadSpecFile, type ResolvedSpec } from '../config/loadSpec';
import type { SweepDefinition } from '../research/combinations';
import { parseGridArg } from '../research/gridArg';
import { objectiveOf } from '../research/objective';
import { METRIC_NAMES } from '../research/metricNames';
import { loadSpecDataAsync } from '../service/loadSpecData';
import { mergeShardFiles } from '../service/research/mergeShards';
import { encodeFloats, writeShardFile } from '../service/research/shardFile';
import { sharedSeries } from '../service/research/sharedSeries';
import { prepareSweep, runSweep, type SweepSetup } from '../service/research/sweep';
import type { SweepPool } from '../service/research/sweepPool';
import { endSweepRecord, failSweepRecord, startSweepRecord, sweepRequestOf } from '../service/research/sweepRecord';
import { defaultDbPath, openDatabase } from '../store/db';
import { createProgressBar } from './progressBar';
import type { SweepArgs } from './sweepArgs';
import { sweepJson, sweepTable, type SweepSummary } from './sweepOutput';

/**
 * The body of `tradedesk sweep`, loaded once the command line is read and the pool's workers are starting (see
 * sweep.ts): checks the sweep, reads the data, runs it on the pool and prints the best.
 */
export async function runSweepCommand(args: SweepArgs, pool: SweepPool, startedAt: number): Promise<number> {
  const spec = loadSpecFile(args.spec, args.sets);
  const def = { axes: args.grids.map(parseGridArg), search: args.search, where: args.where };
  const setup = await prepareSweep(spec, def, args.objective, 'sweep');
  return runCommand(args, spec, def, setup, pool, startedAt);
}

async function runCommand(args: SweepArgs, spec: ResolvedSpec, def: SweepDefinition, setup: SweepSetup, pool: SweepPool, startedAt: number): Promise<number> {
  const record = !args.memory && !args.shard;
  const dbPath = record || spec.data.kind === 'store' ? path.resolve(args.db ?? defaultDbPath()) : null;
  const db = dbPath ? openDatabase(dbPath) : undefined;
  // Read here once to name it in the record and the shard file (and a bad file fails before anything runs).
  const data = await loadSpecDataAsync(spec.data, db).catch((err: unknown) => {
    db?.close();
    throw err;
  });
  const request = sweepRequestOf(spec, data.series.map((s) => s.symbol), def, setup.objective.name);
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.once('SIGINT', onSignal);
  const tty = !args.json && process.stderr.isTTY;
  const bar = tty ? createProgressBar(process.stderr, spec.name, 'combinations') : null;
  const id = record && db ? startSweepRecord(db, setup, request) : null;
  try {
    const run = await runSweep(setup, pool, {
      dbPath: spec.data.kind === 'store' ? dbPath : null,
      // The workers run on the bars read here rather than each reading them again.
      series: sharedSeries(data.series),
      onProgress: bar ? (d, t) => bar.update(d, t) : undefined,
      signal: abort.signal,
      shard: args.shard ?? undefined,
      keepTrials: args.shard !== null,
      // The sweep's time runs from the command's start: starting the workers, reading the spec and the data count.
      startedAt,
    });
    bar?.end();
    if (db && id) endSweepRecord(db, id, run);
    if (args.shard && args.out && run.state === 'completed') {
      writeShardFile(args.out, {
        format: 'tradedesk-sweep-shard',
        version: 2,
        request,
        dataFingerprint: data.fingerprint,
        combinations: setup.plan.combinations.length,
        shard: args.shard,
        periodsPerYear: run.periodsPerYear,
        elapsedMs: run.elapsedMs,
        results: run.rows.map((r, i) => {
          const t = run.trials![i];
          return { ...r, trial: { rows: t.rows, moments: t.moments, blocks: t.blocks === null ? null : encodeFloats(t.blocks) } };
        }),
      });
    }
    const summary: SweepSummary = {
      sweepId: id,
      status: run.state,
      objective: setup.objective.name,
      direction: setup.objective.direction,
      planned: args.shard ? run.rows.length : setup.plan.combinations.length,
      rows: run.rows,
      best: run.best,
      overfitting: run.overfitting,
      elapsedMs: run.elapsedMs,
      statsMs: run.statsMs,
      workers: pool.workers,
      db: id ? dbPath : null,
    };
    print(args.json, summary, setup.plan.paramNames, id ? dbPath : null, args.shard && args.out && run.state === 'completed' ? args.out : null);
    return run.state === 'completed' ? 0 : 130;
  } catch (err) {
    bar?.end();
    if (db && id) failSweepRecord(db, id, err);
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    db?.close();
  }
}

function print(json: boolean, s: SweepSummary, paramNames: readonly string[], dbPath: string | null, shardFile: string | null): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...sweepJson(s), ...(shardFile ? { shard_file: shardFile } : {}) })}\n`);
    return;
  }
  process.stdout.write(`${sweepTable(s, paramNames)}\n`);
  if (shardFile) process.stdout.write(`shard written to ${shardFile}\n`);
  if (dbPath) process.stdout.write(`recorded in ${dbPath}\n`);
}

const MERGE_USAGE = 'usage: tradedesk sweep merge <shard.json> ... [--json] [--db FILE | --memory]';

/** `tradedesk sweep merge`: joins the shard files of one sweep into one recorded sweep with its statistics. */
export async function mergeCommand(argv: string[]): Promise<number> {
  const { parseArgs } = await import('node:util');
  let values: { json: boolean; db?: string; memory: boolean; help: boolean };
  let files: string[];
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, db: { type: 'string' }, memory: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
    values = parsed.values;
    files = parsed.positionals;
    if (!values.help && files.length === 0) throw new Error('give the shard files to merge');
    if (values.db !== undefined && values.memory) throw new Error('--db and --memory exclude each other');
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n${MERGE_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${MERGE_USAGE}\n`);
    return 0;
  }
  const merged = mergeShardFiles(files);
  const objective = objectiveOf(merged.request.objective, METRIC_NAMES);
  const dbPath = values.memory ? null : path.resolve(values.db ?? defaultDbPath());
  let id: string | null = null;
  if (dbPath) {
    const db = openDatabase(dbPath);
    try {
      id = merged.record(db);
    } finally {
      db.close();
    }
  }
  const summary: SweepSummary = {
    sweepId: id,
    status: 'completed',
    objective: objective.name,
    direction: objective.direction,
    planned: merged.run.rows.length,
    rows: merged.run.rows,
    best: merged.run.best,
    overfitting: merged.run.overfitting,
    elapsedMs: merged.run.elapsedMs,
    statsMs: null,
    workers: null,
    db: dbPath,
  };
  print(values.json, summary, merged.paramNames, dbPath, null);
  return 0;
}
