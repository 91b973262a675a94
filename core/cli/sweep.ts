import { SweepPool } from '../service/research/sweepPool';
import { parseSweepArgs, SWEEP_USAGE, type SweepArgs } from './sweepArgs';

/**
 * `tradedesk sweep`: runs every combination of a spec's strategy params on every core and prints the best.
 *
 * Once the command line is read, the pool's workers start before anything else: each loads the engine and starts
 * while this thread loads the rest of the command (sweepRun), reads the spec, checks the sweep and reads the data.
 */
export async function sweepCommand(argv: string[]): Promise<number> {
  const startedAt = performance.now();
  if (argv[0] === 'merge') return (await import('./sweepRun')).mergeCommand(argv.slice(1));
  let args: SweepArgs | 'help';
  try {
    args = parseSweepArgs(argv);
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n${SWEEP_USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${SWEEP_USAGE}\n`);
    return 0;
  }
  const pool = new SweepPool({ workers: args.workers });
  try {
    const { runSweepCommand } = await import('./sweepRun');
    return await runSweepCommand(args, pool, startedAt);
  } finally {
    await pool.close();
  }
}
