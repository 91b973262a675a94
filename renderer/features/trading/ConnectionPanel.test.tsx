// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlpacaKeysStateDto, ConnectionDto } from '../../../core/ipc/contract/trading';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { ConnectionPanel } from './ConnectionPanel';

const disconnected: ConnectionDto = { state: 'disconnected', preset: null, broker: null, host: null, port: null, clientId: null, detail: null, since: null, keysFrom: null };
const webMode: AlpacaKeysStateDto = { environment: false, keychain: false, canStore: false };
const desktop: AlpacaKeysStateDto = { environment: false, keychain: false, canStore: true };

describe('ConnectionPanel with Alpaca', () => {
  let engine: FakeEngine | undefined;
  afterEach(() => {
    cleanup();
    expect(engine?.contractErrors).toEqual([]);
    engine = undefined;
  });

  it('offers IB and Alpaca presets, and in web mode says the keys come from the environment only', async () => {
    engine = createFakeEngine({});
    renderWithApi(<ConnectionPanel connection={disconnected} alpacaKeys={webMode} />, engine.client);
    const preset = screen.getByTestId('conn-preset');
    expect([...preset.querySelectorAll('optgroup')].map((g) => g.getAttribute('label'))).toEqual(['IB (TWS / Gateway)', 'Alpaca']);
    await userEvent.selectOptions(preset, 'alpaca_paper');
    expect(screen.getByTestId('conn-keys').textContent).toMatch(/environment only/);
    expect(screen.queryByTestId('conn-key-id')).toBeNull();
    expect(screen.queryByTestId('conn-port')).toBeNull();
  });

  it('sends keys typed in the desktop app, with the fake\'s URLs, and never shows the secret', async () => {
    engine = createFakeEngine({ 'trading.connect': () => ({ ...disconnected, state: 'ready', preset: 'alpaca_paper', broker: 'alpaca', host: '127.0.0.1', port: 5001, keysFrom: 'entered' }) });
    renderWithApi(<ConnectionPanel connection={disconnected} alpacaKeys={desktop} />, engine.client);
    await userEvent.selectOptions(screen.getByTestId('conn-preset'), 'alpaca_paper');
    await userEvent.type(screen.getByTestId('conn-trading-url'), 'http://127.0.0.1:5001');
    await userEvent.type(screen.getByTestId('conn-key-id'), 'PK1');
    await userEvent.type(screen.getByTestId('conn-secret-key'), 'shh');
    expect(screen.getByTestId('conn-secret-key').getAttribute('type')).toBe('password');
    await userEvent.click(screen.getByTestId('conn-remember'));
    await userEvent.click(screen.getByTestId('conn-connect'));
    await waitFor(() => expect(engine?.inputsOf('trading.connect')).toHaveLength(1));
    expect(engine.inputsOf('trading.connect')[0]).toEqual({ preset: 'alpaca_paper', tradingUrl: 'http://127.0.0.1:5001', keyId: 'PK1', secretKey: 'shh', remember: true });
  });
});
