import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIVE_ARMING_PHRASE } from '../../ipc/contract/trading';
import { ApiError } from '../../ipc/errors';
import type { AlpacaKeys, KeyVault } from './alpacaKeys';
import { simSession, TestSimBroker } from './testSimBroker';
import { tradingHarness } from './tradingTestHarness';

/** Alpaca sessions through the trading service: presets, endpoints, keys and LIVE arming (issue 17 §3). */

const KEYS = { APCA_API_KEY_ID: 'PKTESTKEYID0001', APCA_API_SECRET_KEY: 'very-secret-value-0001' };
const CLOSES = { AAA: [100, 100, 100] };

/** Stands in for the OS keychain (Electron's safeStorage cannot run here): keeps keys in memory. */
function memoryVault(): KeyVault & { kept: AlpacaKeys | null } {
  const v = {
    kept: null as AlpacaKeys | null,
    canStore: true,
    stored: () => v.kept !== null,
    load: () => Promise.resolve(v.kept),
    save: (k: AlpacaKeys) => {
      v.kept = k;
      return Promise.resolve();
    },
    clear: () => {
      v.kept = null;
      return Promise.resolve();
    },
  };
  return v;
}

let h: ReturnType<typeof tradingHarness<TestSimBroker>> | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

function setup(opts: Parameters<typeof tradingHarness>[2] = {}) {
  h = tradingHarness((s) => simSession(new TestSimBroker(s, CLOSES)), {}, opts);
  return h;
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('TradingService with Alpaca', () => {
  it('connects Alpaca paper to Alpaca\'s public endpoints with the environment\'s keys, and trades through the same checks', async () => {
    const t = setup({ alpacaKeys: { env: KEYS } });
    expect(t.service.state().alpacaKeys).toEqual({ environment: true, keychain: false, canStore: false });
    const conn = await t.service.connect({ preset: 'alpaca_paper' });
    expect(conn).toMatchObject({ state: 'ready', preset: 'alpaca_paper', broker: 'alpaca', host: 'paper-api.alpaca.markets', port: 443, clientId: null, keysFrom: 'environment' });
    expect(t.broker().settings).toEqual({
      broker: 'alpaca',
      mode: 'PAPER',
      keysFrom: 'environment',
      target: {
        tradingBaseUrl: 'https://paper-api.alpaca.markets',
        dataBaseUrl: 'https://data.alpaca.markets',
        tradingStreamUrl: 'wss://paper-api.alpaca.markets/stream',
        dataStreamUrl: 'wss://stream.data.alpaca.markets',
        keyId: KEYS.APCA_API_KEY_ID,
        secretKey: KEYS.APCA_API_SECRET_KEY,
      },
    });
    // The same pre-trade checks as IB: a fat finger is refused before Alpaca sees it.
    t.service.quote('AAA', 'subscribe');
    const far = await t.service.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 1, limitPrice: 50, timeInForce: 'DAY', confirm: false });
    expect(far).toMatchObject({ accepted: false, reason: expect.stringMatching(/band/) });
    const ok = await t.service.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 1, limitPrice: 99, timeInForce: 'GTC', confirm: false });
    expect(ok.accepted).toBe(true);
    const report = await t.service.killSwitch({ flatten: false, confirm: true });
    expect(report.cancelled).toEqual([expect.objectContaining({ orderId: ok.orderId, outcome: 'confirmed' })]);
  });

  it('points at the URLs typed for the session (the fake), deriving both streams', async () => {
    const t = setup({ alpacaKeys: { env: KEYS } });
    await t.service.connect({ preset: 'alpaca_paper', tradingUrl: 'http://127.0.0.1:5001/', dataUrl: 'http://127.0.0.1:5002' });
    expect(t.broker().settings.target).toMatchObject({
      tradingBaseUrl: 'http://127.0.0.1:5001',
      tradingStreamUrl: 'ws://127.0.0.1:5001/stream',
      dataBaseUrl: 'http://127.0.0.1:5002',
      dataStreamUrl: 'ws://127.0.0.1:5002',
    });
    expect(t.service.state().connection).toMatchObject({ host: '127.0.0.1', port: 5001 });
  });

  it('reaches Alpaca live only with LIVE armed, and never from a paper session', async () => {
    const t = setup({ alpacaKeys: { env: KEYS } });
    expect((await refusal(t.service.connect({ preset: 'alpaca_live' }))).message).toMatch(/arm LIVE first/);
    const sneaky = await refusal(t.service.connect({ preset: 'alpaca_paper', tradingUrl: 'https://api.alpaca.markets' }));
    expect(sneaky).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/live trading API/) });
    expect(t.brokers).toHaveLength(0);
    t.service.armLive(LIVE_ARMING_PHRASE);
    expect((await refusal(t.service.connect({ preset: 'alpaca_paper' }))).message).toMatch(/disarm it/);
    await t.service.connect({ preset: 'alpaca_live' });
    expect(t.broker().settings).toMatchObject({ mode: 'LIVE', target: { tradingBaseUrl: 'https://api.alpaca.markets', tradingStreamUrl: 'wss://api.alpaca.markets/stream' } });
    const unconfirmed = await refusal(t.service.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 1, timeInForce: 'DAY', confirm: false }));
    expect(unconfirmed.code).toBe('REJECTED');
  });

  it('takes the config\'s Alpaca endpoints when it names Alpaca', async () => {
    const t = setup({ alpacaKeys: { env: KEYS }, broker: { PAPER: { type: 'alpaca', paper_url: 'http://127.0.0.1:6001', data_url: 'http://127.0.0.1:6002', data_stream_url: 'ws://127.0.0.1:6003' } } });
    await t.service.connect({ preset: 'alpaca_paper' });
    expect(t.broker().settings.target).toMatchObject({ tradingBaseUrl: 'http://127.0.0.1:6001', dataBaseUrl: 'http://127.0.0.1:6002', dataStreamUrl: 'ws://127.0.0.1:6003' });
  });

  it('in web mode takes keys from the environment only, and says which variable is missing', async () => {
    const t = setup();
    expect(t.service.state().alpacaKeys).toEqual({ environment: false, keychain: false, canStore: false });
    const none = await refusal(t.service.connect({ preset: 'alpaca_paper' }));
    expect(none.message).toBe("no Alpaca keys: set APCA_API_KEY_ID and APCA_API_SECRET_KEY in the engine's environment");
    const typed = await refusal(t.service.connect({ preset: 'alpaca_paper', keyId: 'PKTYPED', secretKey: 'typed-secret' }));
    expect(typed.message).toMatch(/environment only/);
    expect(typed.message).not.toContain('typed-secret');
    h = null;
    await t.close();
    const half = setup({ alpacaKeys: { env: { APCA_API_KEY_ID: 'PKONLY' } } });
    expect((await refusal(half.service.connect({ preset: 'alpaca_paper' }))).message).toBe("APCA_API_SECRET_KEY is not set in the engine's environment (APCA_API_KEY_ID is)");
  });

  it('keeps keys typed in the desktop app in the keychain once a session opened with them, and forgets them on request', async () => {
    const vault = memoryVault();
    const t = setup({ alpacaKeys: { vault } });
    expect((await refusal(t.service.connect({ preset: 'alpaca_paper' }))).message).toMatch(/or enter them in the connection panel$/);
    expect((await refusal(t.service.connect({ preset: 'alpaca_paper', keyId: 'PKTYPED' }))).message).toBe('enter both the Alpaca key id and the secret key');
    const conn = await t.service.connect({ preset: 'alpaca_paper', keyId: 'PKTYPED', secretKey: 'typed-secret', remember: true });
    expect(conn.keysFrom).toBe('entered');
    expect(vault.kept).toEqual({ keyId: 'PKTYPED', secretKey: 'typed-secret' });
    await t.service.disconnect();
    expect((await t.service.connect({ preset: 'alpaca_paper' })).keysFrom).toBe('keychain');
    expect(t.broker().settings.target).toMatchObject({ keyId: 'PKTYPED', secretKey: 'typed-secret' });
    expect(t.service.state().alpacaKeys).toEqual({ environment: false, keychain: true, canStore: true });
    expect(await t.service.forgetAlpacaKeys()).toEqual({ environment: false, keychain: false, canStore: true });
    // No key reached an event, the log or the database.
    const everything = JSON.stringify([t.events, t.service.state(), t.db.prepare('SELECT * FROM executed_actions').all()]);
    expect(everything).not.toContain('typed-secret');
    expect(everything).not.toContain('PKTYPED');
  });

  it('keeps typed keys only once the session is ready with them', async () => {
    const vault = memoryVault();
    h = tradingHarness(
      (s) => {
        const b = new TestSimBroker(s, CLOSES);
        b.holdConnect = 'reconnecting';
        return simSession(b);
      },
      {},
      { alpacaKeys: { vault }, connectWaitMs: 20 },
    );
    const t = h;
    expect((await t.service.connect({ preset: 'alpaca_paper', keyId: 'PKLATE', secretKey: 'late-secret', remember: true })).state).toBe('reconnecting');
    expect(vault.kept).toBeNull();
    t.broker().setState('ready');
    await vi.waitFor(() => expect(vault.kept).toEqual({ keyId: 'PKLATE', secretKey: 'late-secret' }));
  });

  it('refuses TWS settings for Alpaca and Alpaca settings for TWS', async () => {
    const t = setup({ alpacaKeys: { env: KEYS } });
    expect((await refusal(t.service.connect({ preset: 'alpaca_paper', port: 7497 }))).message).toBe('port: TWS settings, not for alpaca_paper');
    expect((await refusal(t.service.connect({ preset: 'tws_paper', tradingUrl: 'http://127.0.0.1:1' }))).message).toBe('tradingUrl: Alpaca settings, not for tws_paper');
  });
});
