import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/ipc/errors';
import { createFakeEngine } from './fakeEngine';

// The component tests lean on these: a fake answer that breaks the contract, or a call the test
// did not plan for, must show up rather than pass quietly.
describe('createFakeEngine', () => {
  it('answers a served method through the contract and records its validated input', async () => {
    const engine = createFakeEngine({ 'backtests.list': () => [] });
    expect(await engine.client.call('backtests.list', { search: 'x' })).toEqual([]);
    expect(engine.inputsOf('backtests.list')).toEqual([{ search: 'x' }]);
    expect(engine.contractErrors).toEqual([]);
  });

  it('refuses an answer that does not match the contract, and records why', async () => {
    const engine = createFakeEngine({ 'backtests.defaults': () => ({ spec: 'not an object' }) as never });
    await expect(engine.client.call('backtests.defaults', {})).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(engine.contractErrors).toHaveLength(1);
    expect(engine.contractErrors[0]).toMatch(/^backtests\.defaults: .*does not match the contract/);
  });

  it('refuses input the contract refuses, before any handler runs', async () => {
    const engine = createFakeEngine({ 'backtests.list': () => [] });
    await expect(engine.client.call('backtests.list', { search: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(engine.calls).toEqual([]);
  });

  it('names a method the test did not serve', async () => {
    const engine = createFakeEngine({});
    const err = await engine.client.call('strategies.list', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe("strategies.list is not served by this test's engine");
    expect(engine.unserved).toEqual(['strategies.list']);
  });
});
