import { isIPv4 } from 'node:net';

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and the name localhost: the only places the fake may listen or accept from. */
export function isLoopbackHost(host: string): boolean {
  const h = host.startsWith('::ffff:') ? host.slice(7) : host;
  if (h === 'localhost' || h === '::1') return true;
  return isIPv4(h) && h.startsWith('127.');
}
