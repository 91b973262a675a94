import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeAlpaca, type FakeAlpaca } from '../fakeAlpaca/index';
import { KEY_ID_ENV, SECRET_KEY_ENV } from '../service/trading/alpacaKeys';
import type { Sealer } from '../service/trading/sealedKeyVault';
import { eventually } from '../testing/eventually';
import { createHost, type Host } from './createHost';

/** Reversible and visibly not clear text; stands in for the desktop app's keychain (Electron's safeStorage). */
const reversing: Sealer = {
  available: () => Promise.resolve(true),
  seal: (text) => Promise.resolve(new Uint8Array(Buffer.from([...Buffer.from(text, 'utf8')].reverse()))),
  open: (sealed) => Promise.resolve(Buffer.from([...sealed].reverse()).toString('utf8')),
};

// The host reads the engine's environment: keys set on the machine running the tests must not count.
beforeEach(() => {
  vi.stubEnv(KEY_ID_ENV, undefined);
  vi.stubEnv(SECRET_KEY_ENV, undefined);
});
afterEach(() => vi.unstubAllEnvs());

let host: Host | null = null;
let fake: FakeAlpaca | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  await host?.close();
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  host = null;
  fake = null;
  dataDir = null;
});

async function start(keySealer?: Sealer): Promise<Host> {
  dataDir = mkdtempSync(path.join(tmpdir(), 'tradedesk-keys-'));
  host = await createHost({ dataDir, transport: keySealer ? 'electron' : 'web', keySealer, logError: () => undefined });
  return host;
}

async function call(h: Host, method: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await h.router.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

describe('the host and the Alpaca keys', () => {
  it('web mode keeps no keys and refuses typed ones', async () => {
    const h = await start();
    expect((await call(h, 'trading.state', {})).alpacaKeys).toMatchObject({ keychain: false, canStore: false });
    const typed = await h.router.call('trading.connect', { preset: 'alpaca_paper', keyId: 'PKWEB', secretKey: 'web-secret' });
    expect(typed).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/environment only/) } });
  });

  it('the desktop app keeps typed keys sealed in the data folder once a session opened with them, and uses them next time', async () => {
    const f = await startFakeAlpaca({});
    fake = f;
    const h = await start(reversing);
    const urls = { tradingUrl: f.tradingBaseUrl, dataUrl: f.dataBaseUrl };
    const first = await call(h, 'trading.connect', { preset: 'alpaca_paper', ...urls, keyId: f.keyId, secretKey: f.secretKey, remember: true });
    expect(first).toMatchObject({ state: 'ready', keysFrom: 'entered' });
    const file = path.join(dataDir ?? '', 'alpaca-keys.sealed');
    await eventually(() => existsSync(file), 'the keys kept', 5_000);
    expect(readFileSync(file).toString('utf8')).not.toContain(f.secretKey);
    await call(h, 'trading.disconnect', {});
    expect(await call(h, 'trading.connect', { preset: 'alpaca_paper', ...urls })).toMatchObject({ state: 'ready', keysFrom: 'keychain' });
    await call(h, 'trading.disconnect', {});
    expect(await call(h, 'trading.forgetAlpacaKeys', {})).toEqual({ environment: expect.any(Boolean), keychain: false, canStore: true });
    expect(existsSync(file)).toBe(false);
  });
});
