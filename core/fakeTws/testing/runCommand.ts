import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../cli/tradedesk.ts', import.meta.url));

/** A `tradedesk` command started from source, with what it has printed so far and its exit code. */
export interface CommandRun {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

/** Starts `tradedesk <command> <args...>` (through tsx), collecting its output. */
export function runCommand(command: string, args: readonly string[]): CommandRun {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, command, ...args]);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}
