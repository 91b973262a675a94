import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../store/testDb';
import { sealedKeyVault, type Sealer } from './sealedKeyVault';

/** Stands in for Electron's safeStorage (the Electron binary cannot run here): AES-GCM with a key of its own. */
function aesSealer(available = true): Sealer {
  const key = randomBytes(32);
  return {
    available: () => Promise.resolve(available),
    seal: (text) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Promise.resolve(Buffer.concat([iv, c.getAuthTag(), body]));
    },
    open: (sealed) => {
      const b = Buffer.from(sealed);
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Promise.resolve(Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8'));
    },
  };
}

const KEYS = { keyId: 'PKVAULTTEST01', secretKey: 'vault-secret-value' };
let done: (() => void) | null = null;
afterEach(() => {
  done?.();
  done = null;
});

function file(): string {
  const { dir, cleanup } = tempDir();
  done = cleanup;
  return join(dir, 'alpaca-keys.sealed');
}

describe('sealedKeyVault', () => {
  it('keeps the keys sealed on disk, readable by the user only, and gives them back', async () => {
    const f = file();
    const vault = sealedKeyVault(f, aesSealer());
    expect(vault.stored()).toBe(false);
    expect(await vault.load()).toBeNull();
    await vault.save(KEYS);
    expect(vault.stored()).toBe(true);
    const onDisk = readFileSync(f).toString('latin1');
    expect(onDisk).not.toContain(KEYS.secretKey);
    expect(onDisk).not.toContain(KEYS.keyId);
    if (process.platform !== 'win32') expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(await vault.load()).toEqual(KEYS);
    await vault.clear();
    expect(vault.stored()).toBe(false);
  });

  it('keeps nothing when the keychain is not available', async () => {
    const f = file();
    const vault = sealedKeyVault(f, aesSealer(false));
    await expect(vault.save(KEYS)).rejects.toThrow(/keychain is not available/);
    expect(vault.stored()).toBe(false);
  });

  it('says a file another session sealed (or a damaged one) cannot be opened, without its content', async () => {
    const f = file();
    await sealedKeyVault(f, aesSealer()).save(KEYS);
    await expect(sealedKeyVault(f, aesSealer()).load()).rejects.toThrow(/could not be opened .*forget them and enter them again/);
    writeFileSync(f, 'garbage');
    await expect(sealedKeyVault(f, aesSealer()).load()).rejects.toThrow(/could not be opened/);
  });
});
