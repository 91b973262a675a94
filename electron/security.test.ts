import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isAllowedRendererUrl,
  mainWindowOptions,
  rendererOrigin,
  safeExternalUrl,
  secureWebPreferences,
} from './security';

const appUrl = 'app://tradedesk/index.html';
const appOrigin = rendererOrigin(undefined, true);
const devOrigin = rendererOrigin('http://127.0.0.1:5173/', false);

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('rendererOrigin', () => {
  it('loads the built index.html from the app:// scheme, not file://', () => {
    expect(appOrigin).toEqual({ kind: 'app', url: new URL(appUrl) });
    expect(rendererOrigin(undefined, false)).toEqual(appOrigin);
  });

  it('ignores a dev server URL in a packaged app', () => {
    expect(rendererOrigin('http://127.0.0.1:5173/', true).kind).toBe('app');
  });

  it('accepts a loopback http dev server when unpackaged', () => {
    expect(devOrigin).toEqual({ kind: 'dev', url: new URL('http://127.0.0.1:5173/') });
    expect(rendererOrigin('http://localhost:5173', false).kind).toBe('dev');
  });

  it.each(['https://127.0.0.1:5173/', 'http://evil.example:5173/', 'http://127.0.0.1.evil.example/', 'not a url'])(
    'refuses the dev server URL %s',
    (url) => {
      expect(() => rendererOrigin(url, false)).toThrow(/VITE_DEV_SERVER_URL/);
    },
  );
});

describe('isAllowedRendererUrl', () => {
  it('accepts the app page, with or without a query or hash', () => {
    expect(isAllowedRendererUrl(appUrl, appOrigin)).toBe(true);
    expect(isAllowedRendererUrl(`${appUrl}?run=1#/runs/abc`, appOrigin)).toBe(true);
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a local file', 'file:///etc/passwd'],
    ['the built page as a file', 'file:///opt/tradedesk/dist/renderer/index.html'],
    ['another page of the app', 'app://tradedesk/other.html'],
    ['a suffix trick', 'app://tradedesk/index.html.evil.com'],
    ['a prefix trick', 'app://tradedesk/evil/index.html'],
    ['another app host', 'app://evil.example/index.html'],
    ['a host suffix trick', 'app://tradedesk.evil.example/index.html'],
    ['a traversal back to another page', 'app://tradedesk/index.html/../other.html'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['an unparseable URL', 'index.html'],
    ['the empty string', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedRendererUrl(url, appOrigin)).toBe(false);
  });

  it('accepts only the dev server origin in dev', () => {
    expect(isAllowedRendererUrl('http://127.0.0.1:5173/runs?x=1', devOrigin)).toBe(true);
    expect(isAllowedRendererUrl('http://127.0.0.1:5174/', devOrigin)).toBe(false);
    expect(isAllowedRendererUrl('http://localhost:5173/', devOrigin)).toBe(false);
    expect(isAllowedRendererUrl('http://127.0.0.1:5173.evil.com/', devOrigin)).toBe(false);
    expect(isAllowedRendererUrl(appUrl, devOrigin)).toBe(false);
  });
});

describe('safeExternalUrl', () => {
  it('passes https links on, normalised', () => {
    expect(safeExternalUrl('https://www.interactivebrokers.com/en/index.php')).toBe('https://www.interactivebrokers.com/en/index.php');
    expect(safeExternalUrl('HTTPS://Example.COM')).toBe('https://example.com/');
  });

  it.each(['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com/', 'example.com', ''])(
    'refuses %s',
    (url) => {
      expect(safeExternalUrl(url)).toBeNull();
    },
  );
});

describe('contentSecurityPolicy', () => {
  it('allows nothing from elsewhere, no eval and no inline script', () => {
    const csp = contentSecurityPolicy(appOrigin);
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/(^|\s)\*(\s|;|$)/);
  });

  it('lets a dev server hot-reload, still without eval', () => {
    const d = directives(contentSecurityPolicy(devOrigin));
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:5173']);
    expect(contentSecurityPolicy(devOrigin)).not.toContain('unsafe-eval');
  });
});

describe('window settings', () => {
  it('give the page no Node and no Electron API', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('uses the secure preferences for the main window, shown only when painted', () => {
    const opts = mainWindowOptions('/p.cjs');
    expect(opts.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
    expect(opts.show).toBe(false);
  });
});
