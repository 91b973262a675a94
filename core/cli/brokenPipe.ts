/**
 * `tradedesk data show X | head` closes the pipe after ten lines; the next write then fails with EPIPE,
 * which Node reports as an unhandled 'error' event with a stack trace. The reader has all it wanted,
 * so the process ends quietly with 0, as other command-line tools do. Any other write error is still thrown.
 */
export function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    exit(0);
  });
}
