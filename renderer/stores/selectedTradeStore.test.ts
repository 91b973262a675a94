import { beforeEach, describe, expect, it } from 'vitest';
import { tradeIdOf, useSelectedTradeStore } from './selectedTradeStore';

const store = useSelectedTradeStore;

beforeEach(() => store.setState({ runId: null, tradeId: null }));

describe('selectedTradeStore', () => {
  it('keeps the selection within a run and clears it on another run', () => {
    store.getState().enterRun('r1');
    store.getState().toggle(tradeIdOf({ instrument: 'AAA', entryTs: 5 }));
    expect(store.getState()).toMatchObject({ runId: 'r1', tradeId: 'AAA@5' });
    store.getState().enterRun('r1');
    expect(store.getState().tradeId).toBe('AAA@5');
    store.getState().enterRun('r2');
    expect(store.getState()).toMatchObject({ runId: 'r2', tradeId: null });
  });

  it('toggles a trade off when it is picked again', () => {
    store.getState().enterRun('r1');
    store.getState().toggle('AAA@5');
    store.getState().toggle('AAA@5');
    expect(store.getState().tradeId).toBeNull();
    store.getState().select('BBB@1');
    expect(store.getState().tradeId).toBe('BBB@1');
  });
});
