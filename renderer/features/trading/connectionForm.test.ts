import { describe, expect, it } from 'vitest';
import { connectInputOf, DEFAULT_CONNECTION_DRAFT, draftOfSession, presetPort } from './connectionForm';
import { canConnect, canDisconnect, connectionTarget, indicatorOf } from './connectionIndicator';

describe('connection form', () => {
  it('sends a preset alone, leaving host and client id to the execution config', () => {
    expect(connectInputOf(DEFAULT_CONNECTION_DRAFT)).toEqual({ ok: true, input: { preset: 'tws_paper' } });
    expect(presetPort('gateway_live')).toBe(4001);
    expect(presetPort('custom')).toBeNull();
  });

  it('needs a valid port for a custom connection, and ignores the port field for a preset', () => {
    const custom = { ...DEFAULT_CONNECTION_DRAFT, preset: 'custom' as const, host: ' 127.0.0.1 ', clientId: '7' };
    expect(connectInputOf({ ...custom, port: '41234' })).toEqual({ ok: true, input: { preset: 'custom', host: '127.0.0.1', port: 41234, clientId: 7 } });
    for (const port of ['', '0', '70000', '12.5', 'abc']) expect(connectInputOf({ ...custom, port }).ok).toBe(false);
    expect(connectInputOf({ ...DEFAULT_CONNECTION_DRAFT, port: 'junk' })).toEqual({ ok: true, input: { preset: 'tws_paper' } });
  });

  it('refuses a client id that is not a whole number', () => {
    expect(connectInputOf({ ...DEFAULT_CONNECTION_DRAFT, clientId: '-1' })).toEqual({ ok: false, issue: 'client id: a whole number from 0 up' });
    expect(connectInputOf({ ...DEFAULT_CONNECTION_DRAFT, clientId: '0' })).toEqual({ ok: true, input: { preset: 'tws_paper', clientId: 0 } });
  });
});

describe('connection form for Alpaca', () => {
  const alpaca = { ...DEFAULT_CONNECTION_DRAFT, preset: 'alpaca_paper' as const };

  it('sends the preset alone by default, ignoring the TWS fields', () => {
    expect(connectInputOf({ ...alpaca, host: 'gw', clientId: '5' })).toEqual({ ok: true, input: { preset: 'alpaca_paper' } });
    expect(presetPort('alpaca_live')).toBeNull();
  });

  it('sends the URLs typed (the fake\'s) and checks they are http(s) addresses', () => {
    expect(connectInputOf({ ...alpaca, tradingUrl: ' http://127.0.0.1:5001 ', dataUrl: 'http://127.0.0.1:5002' })).toEqual({
      ok: true,
      input: { preset: 'alpaca_paper', tradingUrl: 'http://127.0.0.1:5001', dataUrl: 'http://127.0.0.1:5002' },
    });
    expect(connectInputOf({ ...alpaca, tradingUrl: 'ws://127.0.0.1:5001' })).toEqual({ ok: false, issue: 'trading URL: an http(s) address, e.g. http://127.0.0.1:5001' });
    expect(connectInputOf({ ...alpaca, dataUrl: 'not a url' }).ok).toBe(false);
  });

  it('sends typed keys only in pairs, with the wish to keep them', () => {
    expect(connectInputOf({ ...alpaca, keyId: 'PK1' })).toEqual({ ok: false, issue: 'keys: enter both the key id and the secret key' });
    expect(connectInputOf({ ...alpaca, keyId: 'PK1', secretKey: 's', remember: true })).toEqual({
      ok: true,
      input: { preset: 'alpaca_paper', keyId: 'PK1', secretKey: 's', remember: true },
    });
  });
});

describe('connection form during a session', () => {
  it('shows the session as it was opened', () => {
    const c = { state: 'ready' as const, preset: 'custom' as const, host: '127.0.0.1', port: 41234, clientId: 3, detail: null, since: 1 };
    expect(draftOfSession(c)).toEqual({ ...DEFAULT_CONNECTION_DRAFT, preset: 'custom', host: '127.0.0.1', port: '41234', clientId: '3' });
    expect(draftOfSession({ ...c, preset: null, host: null, port: null, clientId: null })).toEqual({ ...DEFAULT_CONNECTION_DRAFT, preset: 'custom' });
  });
});

describe('connection indicator', () => {
  it('maps every state to a label and a tone', () => {
    expect(indicatorOf('ready')).toMatchObject({ label: 'Ready', tone: 'ok', busy: false });
    expect(indicatorOf('reconnecting')).toMatchObject({ label: 'Reconnecting…', tone: 'bad', busy: true });
    expect(indicatorOf('degraded')).toMatchObject({ tone: 'warn', busy: false });
    expect(indicatorOf('connecting')).toMatchObject({ tone: 'warn', busy: true });
    expect(indicatorOf('disconnected')).toMatchObject({ tone: 'idle', busy: false });
  });

  it('offers Connect only when disconnected and Disconnect otherwise', () => {
    expect(canConnect('disconnected')).toBe(true);
    expect(canDisconnect('disconnected')).toBe(false);
    for (const s of ['connecting', 'ready', 'degraded', 'reconnecting'] as const) {
      expect(canConnect(s)).toBe(false);
      expect(canDisconnect(s)).toBe(true);
    }
  });

  it('names the address and client id', () => {
    const ib = { broker: 'ib' as const, keysFrom: null };
    expect(connectionTarget({ ...ib, host: '127.0.0.1', port: 7497, clientId: 1 })).toBe('127.0.0.1:7497 · client 1');
    expect(connectionTarget({ ...ib, host: 'gw', port: 4002, clientId: null })).toBe('gw:4002');
    expect(connectionTarget({ ...ib, host: null, port: null, clientId: null })).toBeNull();
    expect(connectionTarget({ broker: 'alpaca', host: 'paper-api.alpaca.markets', port: 443, clientId: null, keysFrom: 'environment' })).toBe(
      'Alpaca paper-api.alpaca.markets · keys from the environment',
    );
    expect(connectionTarget({ broker: 'alpaca', host: '127.0.0.1', port: 5001, clientId: null, keysFrom: 'keychain' })).toBe('Alpaca 127.0.0.1:5001 · keys from the keychain');
  });
});
