import { describe, expect, it } from 'vitest';
import { keyRedactor, redactedMessage } from './redact';

describe('keyRedactor', () => {
  it('removes every occurrence of every key, the longer first', () => {
    const r = keyRedactor(['SECRET-abc', 'KEY1', '']);
    expect(r('auth KEY1 / SECRET-abc failed; SECRET-abc again')).toBe('auth [redacted] / [redacted] failed; [redacted] again');
    expect(r('nothing to hide')).toBe('nothing to hide');
  });

  it('reads causes too, without their keys', () => {
    const err = new Error('request failed', { cause: new Error('header APCA-API-SECRET-KEY: s3cr3t rejected') });
    expect(redactedMessage(err, keyRedactor(['s3cr3t']))).toBe('request failed: header APCA-API-SECRET-KEY: [redacted] rejected');
  });
});
