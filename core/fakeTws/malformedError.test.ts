import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventually } from './testing/ibTestClient';
import { useHarness } from './testing/harness';

const h = useHarness();
const probe = fileURLToPath(new URL('./testing/malformedErrorProbe.ts', import.meta.url));

describe('fake TWS malformed error fault', () => {
  it('sends an error whose advancedOrderRejectJson makes the real client throw from its socket handler', async () => {
    const tws = await h.start();
    const child = spawn(process.execPath, ['--import', 'tsx', probe, String(tws.port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: Record<string, unknown>[] = [];
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        lines.push(JSON.parse(buf.slice(0, i)) as Record<string, unknown>);
        buf = buf.slice(i + 1);
      }
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await eventually(() => lines.some((l) => l.ready === true), 'probe ready', 20_000);
      tws.faults.sendMalformedError();
      expect(await exited).toBe(0);
      expect(lines.at(-1)).toEqual({ uncaught: 'SyntaxError', message: expect.stringContaining('JSON') });
    } finally {
      child.kill();
    }
  });
});
