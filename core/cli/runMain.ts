/**
 * Runs a command's main on the process arguments and exits with the code it answers. An error it
 * did not handle is printed as one `error:` line and exits 1, without a stack trace.
 */
export function runMain(main: (argv: string[]) => number | Promise<number>): void {
  const fail = (err: unknown): void => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  };
  try {
    const code = main(process.argv.slice(2));
    if (typeof code === 'number') process.exitCode = code;
    else
      code.then((c) => {
        process.exitCode = c;
      }, fail);
  } catch (err) {
    fail(err);
  }
}
