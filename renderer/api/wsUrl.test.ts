import { describe, expect, it } from 'vitest';
import { engineWsUrl, pageToken } from './wsUrl';

describe('engineWsUrl', () => {
  it('uses the page host, /ws and the page token', () => {
    expect(engineWsUrl({ protocol: 'http:', host: '127.0.0.1:5173', search: '?token=abc123' })).toBe(
      'ws://127.0.0.1:5173/ws?token=abc123',
    );
  });

  it('uses wss for a page served over https', () => {
    expect(engineWsUrl({ protocol: 'https:', host: 'example.test', search: '?token=t' })).toBe('wss://example.test/ws?token=t');
  });

  it('encodes the token and ignores other parameters', () => {
    expect(engineWsUrl({ protocol: 'http:', host: 'h:1', search: '?x=1&token=a%2Bb%26c' })).toBe('ws://h:1/ws?token=a%2Bb%26c');
  });

  it('omits a missing or empty token', () => {
    expect(engineWsUrl({ protocol: 'http:', host: 'h:1', search: '' })).toBe('ws://h:1/ws');
    expect(pageToken('?token=')).toBeNull();
    expect(pageToken('?token=xyz')).toBe('xyz');
  });
});
