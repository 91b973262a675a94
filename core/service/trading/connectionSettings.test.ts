import { describe, expect, it } from 'vitest';
import { executionConfigSchema } from '../../config/executionConfigSchema';
import { ApiError } from '../../ipc/errors';
import { resolveAlpacaTarget, resolveIbTarget } from './connectionSettings';

const keys = { keyId: 'PK1', secretKey: 's' };
const ibConfig = executionConfigSchema.parse({ mode: 'PAPER', broker: { host: '10.0.0.9', port: 7497, client_id: 4 } });
const alpacaConfig = executionConfigSchema.parse({ mode: 'PAPER', broker: { type: 'alpaca', paper_url: 'https://paper.example.com/v', live_url: 'https://live.example.com' } });

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return `${err.code}: ${err.message}`;
    throw err;
  }
  return 'no error';
};

describe('resolveAlpacaTarget', () => {
  it('derives the trade-updates stream from the trading URL, keeping its path and scheme', () => {
    expect(resolveAlpacaTarget({ preset: 'alpaca_paper' }, 'PAPER', alpacaConfig, keys)).toMatchObject({
      tradingBaseUrl: 'https://paper.example.com/v',
      tradingStreamUrl: 'wss://paper.example.com/v/stream',
      dataBaseUrl: 'https://data.alpaca.markets',
      dataStreamUrl: 'wss://stream.data.alpaca.markets',
    });
    expect(resolveAlpacaTarget({ preset: 'alpaca_paper', tradingUrl: 'http://127.0.0.1:9/', dataUrl: 'http://127.0.0.1:10/' }, 'PAPER', ibConfig, keys)).toMatchObject({
      tradingBaseUrl: 'http://127.0.0.1:9',
      tradingStreamUrl: 'ws://127.0.0.1:9/stream',
      dataBaseUrl: 'http://127.0.0.1:10',
      dataStreamUrl: 'ws://127.0.0.1:10',
    });
  });

  it('uses the config\'s live URL for alpaca_live, and keeps a paper session off it', () => {
    expect(resolveAlpacaTarget({ preset: 'alpaca_live' }, 'LIVE', alpacaConfig, keys).tradingBaseUrl).toBe('https://live.example.com');
    expect(code(() => resolveAlpacaTarget({ preset: 'alpaca_paper', tradingUrl: 'https://live.example.com/x' }, 'PAPER', alpacaConfig, keys))).toMatch(/^CONFLICT: https:\/\/live\.example\.com is Alpaca's live trading API/);
    expect(code(() => resolveAlpacaTarget({ preset: 'alpaca_live' }, 'PAPER', alpacaConfig, keys))).toBe('CONFLICT: alpaca_live trades real money: arm LIVE first');
  });
});

describe('resolveIbTarget', () => {
  it('takes host and client id from an IB config, and defaults when the config names Alpaca', () => {
    expect(resolveIbTarget({ preset: 'tws_paper' }, 'PAPER', ibConfig)).toEqual({ host: '10.0.0.9', port: 7497, clientId: 4 });
    expect(resolveIbTarget({ preset: 'gateway_paper' }, 'PAPER', alpacaConfig)).toEqual({ host: '127.0.0.1', port: 4002, clientId: 0 });
  });
});
