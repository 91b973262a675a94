import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appProtocolHandler, mimeType } from './appProtocol';

const CSP = "default-src 'self'";
let base: string;
let root: string;
let handler: ReturnType<typeof appProtocolHandler>;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'tradedesk-app-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>tradedesk</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(path.join(root, 'assets', 'blob.xyz'), 'x');
  // A file beside the renderer folder: what a traversal would try to read.
  writeFileSync(path.join(base, 'secret.txt'), 'secret');
  handler = appProtocolHandler(root, CSP);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('serves the page and its assets with their MIME types and the CSP', async () => {
    const page = await handler({ url: APP_INDEX_URL, method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>tradedesk</title>');
    expect((await handler({ url: 'app://tradedesk/' })).status).toBe(200);
    const js = await handler({ url: 'app://tradedesk/assets/index-abc.js?v=1#x' });
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await handler({ url: 'app://tradedesk/assets/index-abc.css' })).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await handler({ url: 'app://tradedesk/assets/logo.svg' })).headers.get('content-type')).toBe('image/svg+xml');
    expect((await handler({ url: 'app://tradedesk/assets/blob.xyz' })).headers.get('content-type')).toBe('application/octet-stream');
    expect(mimeType('A.WOFF2')).toBe('font/woff2');
  });

  it.each([
    ['an encoded slash', 'app://tradedesk/assets%2f..%2f..%2fsecret.txt'],
    ['a backslash', 'app://tradedesk/assets%5c..%5c..%5csecret.txt'],
    ['a NUL byte', 'app://tradedesk/index.html%00.png'],
  ])('refuses a path that leaves the folder: %s', async (_what, url) => {
    const res = await handler({ url });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('secret');
  });

  it.each(['app://tradedesk/../../secret.txt', 'app://tradedesk/%2e%2e/secret.txt', 'app://tradedesk/assets/.%2E/.%2e/secret.txt'])(
    'keeps dot segments inside the folder (the URL parser resolves them): %s',
    async (url) => {
      const res = await handler({ url });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('secret');
    },
  );

  it('answers 404 for a missing file or a folder, 403 for another host, 405 for a write, 400 for a bad escape', async () => {
    expect((await handler({ url: 'app://tradedesk/nope.js' })).status).toBe(404);
    expect((await handler({ url: 'app://tradedesk/assets' })).status).toBe(404);
    expect((await handler({ url: 'app://evil.example/index.html' })).status).toBe(403);
    expect((await handler({ url: 'file:///etc/passwd' })).status).toBe(403);
    expect((await handler({ url: APP_INDEX_URL, method: 'POST' })).status).toBe(405);
    expect((await handler({ url: 'app://tradedesk/%E0%A4%A' })).status).toBe(400);
  });
});
