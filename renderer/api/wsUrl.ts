/** The part of `window.location` the engine's address is derived from. */
export interface PageLocation {
  protocol: string;
  host: string;
  search: string;
}

/** The page's token, from `?token=` in its URL; null when absent. */
export function pageToken(search: string): string | null {
  const token = new URLSearchParams(search).get('token');
  return token === null || token === '' ? null : token;
}

/**
 * The engine's WebSocket in web mode: same host as the page, `/ws`, with the page's token. Without a
 * token the socket is still opened so the engine's refusal reaches the user as a clear message.
 */
export function engineWsUrl(loc: PageLocation): string {
  const url = new URL('/ws', `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}`);
  const token = pageToken(loc.search);
  if (token !== null) url.searchParams.set('token', token);
  return url.toString();
}
