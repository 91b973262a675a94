import type { FakeAlpaca } from '../types';

export interface RestReply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null for an empty body. */
  body: unknown;
}

/** One request to the fake over a real socket, with its keys unless `auth` is false. */
export async function rest(
  fake: FakeAlpaca,
  method: string,
  path: string,
  opts: { body?: unknown; data?: boolean; auth?: boolean } = {},
): Promise<RestReply> {
  const base = opts.data ? fake.dataBaseUrl : fake.tradingBaseUrl;
  const headers: Record<string, string> = {};
  if (opts.auth !== false) {
    headers['APCA-API-KEY-ID'] = fake.keyId;
    headers['APCA-API-SECRET-KEY'] = fake.secretKey;
  }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** A JSON object's field, for assertions on untyped replies. */
export function field(v: unknown, key: string): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`expected a JSON object with "${key}", got ${JSON.stringify(v)}`);
  return (v as Record<string, unknown>)[key];
}
