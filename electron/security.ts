import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { contentSecurityPolicy as webModePolicy } from '../core/host/accessPolicy';
import { APP_INDEX_URL } from './appProtocol';

/**
 * Where the renderer may be loaded from: the app's own built index.html on the app:// scheme, or
 * (unpackaged only) a Vite dev server on this machine. Every URL is compared as a parsed URL, never as a substring.
 */
export type RendererOrigin = { kind: 'app'; url: URL } | { kind: 'dev'; url: URL };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The parsed URL, or null when `raw` is not one. */
function parsedUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * The renderer to load. A dev server URL is honoured only when the app is not packaged, and only
 * on a loopback address over http: a packaged app never loads code named by an environment variable.
 */
export function rendererOrigin(devServerUrl: string | undefined, isPackaged: boolean): RendererOrigin {
  if (!devServerUrl || isPackaged) return { kind: 'app', url: new URL(APP_INDEX_URL) };
  const url = parsedUrl(devServerUrl);
  if (!url) throw new Error(`VITE_DEV_SERVER_URL is not a URL: "${devServerUrl}"`);
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`VITE_DEV_SERVER_URL must be http:// on 127.0.0.1, localhost or [::1], not "${devServerUrl}"`);
  }
  return { kind: 'dev', url };
}

/** True only for the app's own index.html (any query or hash) or a page of the dev server origin. */
export function isAllowedRendererUrl(raw: string, allowed: RendererOrigin): boolean {
  const url = parsedUrl(raw);
  if (!url) return false;
  if (allowed.kind === 'dev') return url.protocol === 'http:' && url.origin === allowed.url.origin;
  return url.protocol === allowed.url.protocol && url.host === allowed.url.host && url.pathname === allowed.url.pathname;
}

/** The normalised https: URL to hand to the OS browser, or null for anything else (file:, javascript:, http:, credentials). */
export function safeExternalUrl(raw: string): string | null {
  const url = parsedUrl(raw);
  if (!url || url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** Adds sources to directives of a policy, by directive name. */
function extendPolicy(policy: string, extra: Readonly<Record<string, string>>): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => {
      const add = extra[d.split(/\s+/)[0]];
      return add ? `${d} ${add}` : d;
    })
    .join('; ');
}

/**
 * The same policy as web mode. A dev server additionally needs Vite's websocket for hot reload and
 * the inline React-refresh preamble it injects; still no eval.
 */
export function contentSecurityPolicy(origin: RendererOrigin): string {
  const base = webModePolicy();
  if (origin.kind === 'app') return base;
  return extendPolicy(base, { 'script-src': "'unsafe-inline'", 'connect-src': `ws://${origin.url.host}` });
}

/** Renderer settings from Electron's security checklist: the page gets no Node and no Electron API. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'tradedesk',
    // Shown once the first paint is ready, so the window never flashes blank.
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
