import { afterEach, describe, expect, it } from 'vitest';
import { logFor } from '../../log/log';
import { eventually, startTestHost, type TestHost } from '../testing';

let t: TestHost | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('system.logs', () => {
  it('answers the last N lines of the engine log in the data directory, filtered by level and time', async () => {
    t = await startTestHost('in-process');
    const client = t.client;
    const log = logFor('jobs');
    for (let i = 1; i <= 5; i++) log.info(`line ${i}`, { n: i });
    log.warn('a warning');
    // The file is written asynchronously: wait until the last line can be read back.
    const last = await eventually(async () => {
      const r = await client.call('system.logs', { limit: 3 });
      return r.entries.at(-1)?.msg === 'a warning' ? r : undefined;
    }, 'the lines to reach the file');
    expect(last.dir).toBe(`${t.dataDir}/logs`);
    expect(last.entries.map((e) => [e.level, e.component, e.msg, e.detail])).toEqual([
      ['info', 'jobs', 'line 4', '{"n":4}'],
      ['info', 'jobs', 'line 5', '{"n":5}'],
      ['warn', 'jobs', 'a warning', null],
    ]);
    const all = await client.call('system.logs', {});
    expect(all.entries[0]).toMatchObject({ level: 'info', component: 'host', msg: 'engine host started (in-process)' });
    expect((await client.call('system.logs', { level: 'warn' })).entries.map((e) => e.msg)).toEqual(['a warning']);
    const since = last.entries[2].time + 1;
    expect((await client.call('system.logs', { since })).entries).toEqual([]);
    await expect(client.call('system.logs', { limit: 0 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
