import { describe, expect, it } from 'vitest';
import { MAX_COMPARE, toggleSelection, useCompareStore } from './compareStore';

describe('compare selection', () => {
  it('toggles runs in and out, keeping pick order', () => {
    expect(toggleSelection([], 'a')).toEqual(['a']);
    expect(toggleSelection(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleSelection(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });

  it(`holds at most ${MAX_COMPARE} runs`, () => {
    const full = ['a', 'b', 'c', 'd'];
    expect(toggleSelection(full, 'e')).toEqual(full);
    const store = useCompareStore.getState();
    store.set(['1', '2', '3', '4', '5']);
    expect(useCompareStore.getState().selected).toEqual(['1', '2', '3', '4']);
    useCompareStore.getState().toggle('2');
    expect(useCompareStore.getState().selected).toEqual(['1', '3', '4']);
    useCompareStore.getState().clear();
    expect(useCompareStore.getState().selected).toEqual([]);
  });
});
