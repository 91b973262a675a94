import { describe, expect, it } from 'vitest';
import { ConfigError } from './ConfigError';
import { shortsAllowed, simulatorSchema } from './simulatorSchema';
import { specSchema } from './specSchema';
import { validate } from './validate';

const spec = (mode: string, account: Record<string, unknown>) => ({
  name: 't',
  strategy: { name: 'sma-cross', params: { mode } },
  simulator: { account },
});

function message(input: unknown): string {
  try {
    validate(specSchema, input, 'spec.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  return '';
}

describe('short selling and the account', () => {
  it('defaults allow_short to what the account type can do', () => {
    expect(shortsAllowed(simulatorSchema.parse({}).account)).toBe(true);
    expect(shortsAllowed(simulatorSchema.parse({ account: { type: 'cash' } }).account)).toBe(false);
    expect(shortsAllowed(simulatorSchema.parse({ account: { type: 'margin', allow_short: false } }).account)).toBe(false);
    // A cash account cannot hold a short even when asked to.
    expect(shortsAllowed(simulatorSchema.parse({ account: { type: 'cash', allow_short: true } }).account)).toBe(false);
  });

  it('refuses sma-cross long_short on a cash account, naming the key path', () => {
    expect(message(spec('long_short', { type: 'cash' }))).toMatch(
      /^spec\.yaml: strategy\.params\.mode: long_short needs a margin account with allow_short \(simulator\.account is cash\)/,
    );
  });

  it('refuses it on a margin account with allow_short: false too', () => {
    expect(message(spec('long_short', { type: 'margin', allow_short: false }))).toMatch(/strategy\.params\.mode: long_short needs a margin account.*allow_short: false/);
  });

  it('accepts long_short on a margin account and long_only on a cash account', () => {
    expect(message(spec('long_short', { type: 'margin' }))).toBe('');
    expect(message(spec('long_only', { type: 'cash' }))).toBe('');
  });
});
