import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hostAllowed, originAllowed, tokenMatches } from './accessPolicy';

describe('web mode access policy', () => {
  it('accepts only the exact token', () => {
    expect(tokenMatches('abc123', 'abc123')).toBe(true);
    expect(tokenMatches('abc124', 'abc123')).toBe(false);
    expect(tokenMatches('abc12', 'abc123')).toBe(false);
    expect(tokenMatches(null, 'abc123')).toBe(false);
  });

  it('accepts the app origin on its port and refuses others, including look-alikes', () => {
    expect(originAllowed('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(originAllowed('http://localhost:5000', 5000)).toBe(true);
    expect(originAllowed(undefined, 5000)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5001', 5000)).toBe(false);
    expect(originAllowed('https://evil.example', 5000)).toBe(false);
    expect(originAllowed('http://127.0.0.1.evil.example:5000', 5000)).toBe(false);
    expect(originAllowed('http://localhost@evil.example:5000', 5000)).toBe(false);
    expect(originAllowed('null', 5000)).toBe(false);
  });

  it('refuses a rebound host name', () => {
    expect(hostAllowed('127.0.0.1:5000', 5000)).toBe(true);
    expect(hostAllowed('evil.example:5000', 5000)).toBe(false);
    expect(hostAllowed(undefined, 5000)).toBe(false);
  });

  it('allows no eval and nothing from elsewhere', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("script-src 'self';");
  });
});
