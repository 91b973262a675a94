import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { applySessionPolicy } from './sessionPolicy';

type Headers = Record<string, string[]>;

interface FakeSession {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null;
  checkHandler: ((...args: unknown[]) => boolean) | null;
  deviceHandler: ((...args: unknown[]) => boolean) | null;
  headers: ((details: { responseHeaders?: Headers }, callback: (response: { responseHeaders?: Headers }) => void) => void) | null;
}

function fakeSession() {
  const s: FakeSession = { requestHandler: null, checkHandler: null, deviceHandler: null, headers: null };
  return Object.assign(s, {
    setPermissionRequestHandler: (fn: FakeSession['requestHandler']) => (s.requestHandler = fn),
    setPermissionCheckHandler: (fn: FakeSession['checkHandler']) => (s.checkHandler = fn),
    setDevicePermissionHandler: (fn: FakeSession['deviceHandler']) => (s.deviceHandler = fn),
    webRequest: { onHeadersReceived: (fn: FakeSession['headers']) => (s.headers = fn) },
  });
}

describe('applySessionPolicy', () => {
  it('refuses every permission request and check', () => {
    const s = fakeSession();
    applySessionPolicy(s as unknown as Session, "default-src 'self'");
    for (const permission of ['media', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'geolocation', 'openExternal']) {
      let granted: boolean | null = null;
      s.requestHandler?.({}, permission, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(s.checkHandler?.({}, permission, 'file:///', {})).toBe(false);
    }
    expect(s.deviceHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('adds the CSP to every response, keeping its other headers', () => {
    const s = fakeSession();
    applySessionPolicy(s as unknown as Session, "default-src 'self'");
    let answer: { responseHeaders?: Headers } = {};
    s.headers?.({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (answer = r));
    expect(answer.responseHeaders).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
  });
});
