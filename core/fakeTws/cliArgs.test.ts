import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './cliArgs';

describe('fake TWS command line', () => {
  it('defaults to port 7497, 1 bar/s and the synthetic market', () => {
    expect(parseCliArgs([])).toEqual({ help: false, port: 7497, speed: 1, csv: [] });
  });

  it('pairs each --symbol with the --csv before it', () => {
    const args = parseCliArgs(['--csv', 'a.csv', '--symbol', 'aaa', '--csv', 'GOOG.csv', '--port', '4002', '--speed', '2.5']);
    expect(args).toEqual({ help: false, port: 4002, speed: 2.5, csv: [{ file: 'a.csv', symbol: 'AAA' }, { file: 'GOOG.csv' }] });
  });

  it.each([
    [['--port', '70000'], '--port expects an integer 0..65535, got "70000"'],
    [['--port', 'x'], '--port expects an integer'],
    [['--speed=-1'], '--speed expects a number of bars per second'],
    [['--symbol', 'X'], '--symbol X must follow its own --csv'],
    [['--csv', 'a', '--symbol', 'X', '--symbol', 'Y'], '--symbol Y must follow its own --csv'],
    [['--csv', 'a', '--symbol', 'BAD SYMBOL'], 'is not a ticker'],
    [['--nope'], "Unknown option '--nope'"],
    [['positional'], 'Unexpected argument'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
