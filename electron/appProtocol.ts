import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The renderer is served from app://tradedesk/..., not file://: a standard, secure scheme gives the page a
 * real origin (not file:// shared with every local file), lets the sender checks compare one exact origin,
 * and lets only files inside dist/renderer be read.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tradedesk';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a file served to the page; unknown kinds are opaque bytes, never sniffed. */
export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const text = (status: number, body: string): Response => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * The handler for protocol.handle('app', ...): a GET of app://tradedesk/<path> answers the file at <path>
 * inside `rootDir` with its MIME type and the app's CSP; '/' is index.html. A path that leaves the folder
 * (.., encoded slashes, absolute paths) is refused with 403, another host or method with 403/405, a
 * missing file or a folder with 404.
 */
export function appProtocolHandler(rootDir: string, csp: string): (request: { url: string; method?: string }) => Promise<Response> {
  const root = path.resolve(rootDir);
  return async (request) => {
    if (request.method !== undefined && request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, 'bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(403, 'forbidden');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return text(400, 'bad request');
    }
    if (rel.includes('\0') || rel.includes('\\') || rel.split('/').includes('..')) return text(403, 'forbidden');
    const file = path.resolve(root, `.${path.posix.normalize(rel === '/' ? '/index.html' : rel)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return text(403, 'forbidden');
    try {
      if (!(await stat(file)).isFile()) return text(404, 'not found');
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': mimeType(file), 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return text(404, 'not found');
    }
  };
}
