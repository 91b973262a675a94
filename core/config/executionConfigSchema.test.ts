import { describe, expect, it } from 'vitest';
import { ConfigError } from './ConfigError';
import { parseExecutionConfig } from './executionConfig';

const broker = (b: unknown) => parseExecutionConfig({ mode: 'PAPER', broker: b }, 'paper.yaml').broker;

const message = (b: unknown): string => {
  try {
    broker(b);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  return '';
};

describe('execution config broker', () => {
  it('reads a broker without a type as TWS / IB Gateway, exactly as before Alpaca', () => {
    expect(broker({ host: '10.0.0.2', port: 4002, client_id: 3 })).toEqual({ host: '10.0.0.2', port: 4002, client_id: 3 });
    expect(broker({ type: 'ib', port: 7497, client_id: 1 })).toEqual({ type: 'ib', host: '127.0.0.1', port: 7497, client_id: 1 });
  });

  it('reads type: alpaca with Alpaca\'s public endpoints by default, or the URLs given', () => {
    expect(broker({ type: 'alpaca' })).toEqual({
      type: 'alpaca',
      paper_url: 'https://paper-api.alpaca.markets',
      live_url: 'https://api.alpaca.markets',
      data_url: 'https://data.alpaca.markets',
      data_stream_url: 'wss://stream.data.alpaca.markets',
    });
    expect(broker({ type: 'alpaca', paper_url: 'http://127.0.0.1:5001', data_url: 'http://127.0.0.1:5002' })).toMatchObject({
      paper_url: 'http://127.0.0.1:5001',
      data_url: 'http://127.0.0.1:5002',
    });
  });

  it('names the key and what is wrong with it', () => {
    expect(message({ type: 'schwab' })).toMatch(/^paper\.yaml: broker\.type: expected one of "ib" .* "alpaca", got "schwab"$/);
    expect(message({ type: 'alpaca', paper_url: 'ftp://example.com' })).toBe('paper.yaml: broker.paper_url: expected an http(s) URL');
    expect(message({ type: 'alpaca', data_stream_url: 'https://stream.data.alpaca.markets' })).toBe('paper.yaml: broker.data_stream_url: expected a ws(s) URL');
    // IB's keys under an Alpaca broker are a mistake, not ignored.
    expect(message({ type: 'alpaca', port: 7497 })).toMatch(/^paper\.yaml: broker\.port: unknown key \(allowed: type, paper_url/);
  });
});
