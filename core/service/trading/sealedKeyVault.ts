import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { AlpacaKeys, KeyVault } from './alpacaKeys';

/**
 * Seals and opens text with a key only this user's OS session holds: the OS keychain through
 * Electron's safeStorage in the desktop app (electron/keychain.ts). Async, since the engine reaches it
 * through the main process.
 */
export interface Sealer {
  available(): Promise<boolean>;
  seal(text: string): Promise<Uint8Array>;
  open(sealed: Uint8Array): Promise<string>;
}

const keysSchema = z.object({ keyId: z.string().min(1), secretKey: z.string().min(1) }).strict();

/**
 * Alpaca keys kept in `file`, sealed: the file never holds them in clear, and only this user's OS
 * session can open it. Written whole (to a temporary file, then renamed), readable by the user only.
 */
export function sealedKeyVault(file: string, sealer: Sealer): KeyVault {
  return {
    canStore: true,
    stored: () => existsSync(file),
    async load(): Promise<AlpacaKeys | null> {
      if (!existsSync(file)) return null;
      let text: string;
      try {
        text = await sealer.open(readFileSync(file));
      } catch (err) {
        throw new Error(`the Alpaca keys kept in the OS keychain could not be opened (${err instanceof Error ? err.message : String(err)}); forget them and enter them again`, {
          cause: err,
        });
      }
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Not JSON: reported below as not in the expected form.
      }
      const parsed = keysSchema.safeParse(json);
      if (!parsed.success) throw new Error('the Alpaca keys kept in the OS keychain are not in the expected form; forget them and enter them again');
      return parsed.data;
    },
    async save(keys: AlpacaKeys): Promise<void> {
      if (!(await sealer.available())) throw new Error('the OS keychain is not available, so the keys are not kept');
      const sealed = await sealer.seal(JSON.stringify(keysSchema.parse(keys)));
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, sealed, { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, file);
    },
    clear(): Promise<void> {
      rmSync(file, { force: true });
      return Promise.resolve();
    },
  };
}
