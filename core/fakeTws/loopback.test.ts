import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startFakeTws } from './index';
import { isLoopbackHost } from './server/loopback';
import { testMarket } from './testing/harness';

describe('fake TWS loopback only', () => {
  it('recognises loopback hosts and nothing else', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '::ffff:127.0.0.1']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '', '128.0.0.1']) expect(isLoopbackHost(h)).toBe(false);
  });

  it.each(['0.0.0.0', '::', '192.168.1.10'])('refuses to listen on %s', async (host) => {
    await expect(startFakeTws({ host, series: testMarket(), startBar: 0 })).rejects.toThrow(/host must be a loopback address/);
  });

  it('is not reachable through a non-loopback address of this machine', async () => {
    const tws = await startFakeTws({ series: testMarket(), startBar: 0 });
    try {
      expect(tws.host).toBe('127.0.0.1');
      const external = Object.values(networkInterfaces())
        .flat()
        .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal);
      if (external) {
        const outcome = await new Promise<string>((resolve) => {
          const s = connect(tws.port, external.address);
          s.on('connect', () => {
            s.destroy();
            resolve('connected');
          });
          s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        });
        expect(outcome).toBe('ECONNREFUSED');
      }
    } finally {
      await tws.close();
    }
  });
});
