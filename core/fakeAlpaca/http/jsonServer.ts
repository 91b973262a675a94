import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AlpacaApiError, malformedBody, unauthorized } from '../wire/apiError';
import type { Json } from '../wire/tradingJson';

export interface ApiRequest {
  method: string;
  pathname: string;
  /** The route pattern's capture groups, URI-decoded. */
  params: string[];
  query: URLSearchParams;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
}

export interface ApiResponse {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
  /** The lost-response fault: the request took effect, but its socket is closed instead of answered. */
  lose?: boolean;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  pattern: RegExp;
  /** Alpaca's key headers are required (every API route; not the fake's own /_fake controls). */
  auth: boolean;
  handle(req: ApiRequest): ApiResponse;
}

export interface HttpHooks {
  keyId: string;
  secretKey: string;
  /** An armed REST fault for this path (counted down), or null. */
  takeFault(pathname: string): { status: number; headers: Record<string, string>; code: number; message: string } | null;
  log(line: string): void;
}

const MAX_BODY = 1 << 20;

export function json(status: number, body?: Json, headers?: Record<string, string>): ApiResponse {
  return { status, body, headers };
}

function send(res: ServerResponse, r: ApiResponse): void {
  // Alpaca names every request for its support desk; clients log it.
  const headers: Record<string, string> = { 'X-Request-ID': randomBytes(16).toString('hex'), ...r.headers };
  if (r.body === undefined) {
    res.writeHead(r.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(r.body);
  headers['Content-Type'] = 'application/json; charset=UTF-8';
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(r.status, headers);
  res.end(text);
}

function errorResponse(err: AlpacaApiError): ApiResponse {
  return json(err.status, err.body());
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY) throw malformedBody();
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformedBody();
  }
}

/** A node:http request handler over a route table, answering every error as Alpaca's JSON {code, message}. */
export function routeHandler(routes: readonly Route[], hooks: HttpHooks): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake-alpaca');
      const method = req.method ?? 'GET';
      let response: ApiResponse;
      try {
        const found = find(routes, method, url.pathname);
        if (!found) {
          response = json(404, { code: 40410000, message: `endpoint not found: ${method} ${url.pathname}` });
        } else if (found.route.auth && !authorized(req, hooks)) {
          response = errorResponse(unauthorized());
        } else {
          const fault = found.route.auth ? hooks.takeFault(url.pathname) : null;
          if (fault) {
            hooks.log(`fault: ${fault.status} for ${method} ${url.pathname}`);
            response = json(fault.status, { code: fault.code, message: fault.message }, fault.headers);
          } else {
            const body = await readBody(req);
            response = found.route.handle({ method, pathname: url.pathname, params: found.params, query: url.searchParams, body });
          }
        }
      } catch (err) {
        if (!(err instanceof AlpacaApiError)) {
          hooks.log(`error: ${method} ${url.pathname}: ${err instanceof Error ? err.message : String(err)}`);
          response = json(500, { code: 50010000, message: 'internal server error' });
        } else response = errorResponse(err);
      }
      if (response.lose) {
        hooks.log(`fault: response to ${method} ${url.pathname} lost`);
        req.socket.destroy();
        return;
      }
      send(res, response);
    })();
  };
}

function authorized(req: IncomingMessage, hooks: HttpHooks): boolean {
  return req.headers['apca-api-key-id'] === hooks.keyId && req.headers['apca-api-secret-key'] === hooks.secretKey;
}

function find(routes: readonly Route[], method: string, pathname: string): { route: Route; params: string[] } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    try {
      return { route, params: m.slice(1).map((p) => decodeURIComponent(p)) };
    } catch {
      return null; // a malformed %-escape names nothing
    }
  }
  return null;
}
