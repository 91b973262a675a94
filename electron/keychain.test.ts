import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHostSchema, toHostSchema } from './hostMessages';
import { answerKeychain, PortSealer, type SafeStorageLike } from './keychain';

/** Stands in for Electron's safeStorage (the Electron binary cannot run here): AES-GCM under a key of its own. */
function fakeSafeStorage(available = true): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString: (b) => {
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/** The engine's sealer wired to main's answers through both message schemas, as the parent port carries them. */
function wired(safe: SafeStorageLike | null) {
  const sealer: PortSealer = new PortSealer((msg) => {
    const req = fromHostSchema.parse(msg);
    if (req.type !== 'keychain') throw new Error(`unexpected ${req.type}`);
    const answer = toHostSchema.parse(answerKeychain(safe, req));
    if (answer.type !== 'keychain-result') throw new Error(`unexpected ${answer.type}`);
    queueMicrotask(() => sealer.receive(answer));
  });
  return sealer;
}

describe('keychain glue between the engine and main', () => {
  it('seals text with main\'s safeStorage and opens it again, the engine never holding the key', async () => {
    const sealer = wired(fakeSafeStorage());
    expect(await sealer.available()).toBe(true);
    const sealed = await sealer.seal('{"keyId":"PKGLUE","secretKey":"glue-secret"}');
    expect(Buffer.from(sealed).toString('latin1')).not.toContain('glue-secret');
    expect(await sealer.open(sealed)).toBe('{"keyId":"PKGLUE","secretKey":"glue-secret"}');
  });

  it('seals nothing when safeStorage cannot encrypt, or main has no keychain', async () => {
    const off = wired(fakeSafeStorage(false));
    expect(await off.available()).toBe(false);
    await expect(off.seal('x')).rejects.toThrow(/not available/);
    await expect(wired(null).seal('x')).rejects.toThrow(/no OS keychain/);
  });

  it('answers a failed decryption with the error\'s kind, never the text', () => {
    const safe = fakeSafeStorage();
    const answer = answerKeychain(safe, { type: 'keychain', id: 4, op: 'open', data: new Uint8Array([1, 2, 3]) });
    expect(answer).toMatchObject({ id: 4, ok: false, error: expect.stringMatching(/^the OS keychain refused to open: /) });
  });
});
