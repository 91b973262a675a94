import type { ConnectInput, KeySource } from '../../ipc/contract/trading';
import { ApiError } from '../../ipc/errors';

export interface AlpacaKeys {
  keyId: string;
  secretKey: string;
}

/** Alpaca's own names for the keys in the environment (its SDKs read the same). */
export const KEY_ID_ENV = 'APCA_API_KEY_ID';
export const SECRET_KEY_ENV = 'APCA_API_SECRET_KEY';

/**
 * Where keys typed in the app are kept between sessions: the OS keychain in the desktop app (Electron's
 * safeStorage, see electron/), nowhere in web mode. Implementations never log or return the keys anywhere else.
 */
export interface KeyVault {
  /** False in web mode: keys come from the environment only. */
  readonly canStore: boolean;
  /** Keys are kept (answered without reading them). */
  stored(): boolean;
  load(): Promise<AlpacaKeys | null>;
  save(keys: AlpacaKeys): Promise<void>;
  clear(): Promise<void>;
}

/** Web mode's vault: keeps nothing. */
export const NO_VAULT: KeyVault = {
  canStore: false,
  stored: () => false,
  load: () => Promise.resolve(null),
  save: () => Promise.reject(new Error('this build keeps no keys: set them in the environment')),
  clear: () => Promise.resolve(),
};

export type Env = Readonly<Record<string, string | undefined>>;

const set = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/** Whether both environment variables are set (the screen says so; the values are never read out). */
export function environmentHasKeys(env: Env): boolean {
  return set(env[KEY_ID_ENV]) && set(env[SECRET_KEY_ENV]);
}

/**
 * The keys a connection uses: typed in the app (desktop only), else the
 * environment's, else the keychain's. Every refusal names what is missing, never a key's value.
 */
export async function resolveAlpacaKeys(input: ConnectInput, env: Env, vault: KeyVault): Promise<{ keys: AlpacaKeys; from: KeySource }> {
  const typedId = input.keyId;
  const typedSecret = input.secretKey;
  if (typedId !== undefined || typedSecret !== undefined) {
    if (!vault.canStore) {
      throw new ApiError('BAD_INPUT', `this build takes Alpaca keys from the environment only: set ${KEY_ID_ENV} and ${SECRET_KEY_ENV} for the engine`);
    }
    if (typedId === undefined || typedSecret === undefined) throw new ApiError('BAD_INPUT', 'enter both the Alpaca key id and the secret key');
    // Kept in the keychain (when asked) by the service, once a session is ready with them.
    return { keys: { keyId: typedId, secretKey: typedSecret }, from: 'entered' };
  }
  const id = env[KEY_ID_ENV];
  const secret = env[SECRET_KEY_ENV];
  if (set(id) && set(secret)) return { keys: { keyId: id.trim(), secretKey: secret.trim() }, from: 'environment' };
  if (set(id) !== set(secret)) {
    throw new ApiError('BAD_INPUT', `${set(id) ? SECRET_KEY_ENV : KEY_ID_ENV} is not set in the engine's environment (${set(id) ? KEY_ID_ENV : SECRET_KEY_ENV} is)`);
  }
  let kept: AlpacaKeys | null = null;
  try {
    kept = vault.stored() ? await vault.load() : null;
  } catch (err) {
    throw new ApiError('UNAVAILABLE', err instanceof Error ? err.message : String(err));
  }
  if (kept) return { keys: kept, from: 'keychain' };
  const where = vault.canStore ? ', or enter them in the connection panel' : '';
  throw new ApiError('BAD_INPUT', `no Alpaca keys: set ${KEY_ID_ENV} and ${SECRET_KEY_ENV} in the engine's environment${where}`);
}
