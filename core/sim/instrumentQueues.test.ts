import { describe, expect, it } from 'vitest';
import { InstrumentQueues } from './instrumentQueues';

describe('InstrumentQueues', () => {
  it('keeps each instrument’s items oldest first through removals and refills', () => {
    const q = new InstrumentQueues<string>(2);
    q.push(0, 'a');
    q.push(0, 'b');
    q.push(0, 'c');
    q.push(1, 'x');
    q.remove(0, 'b');
    expect(q.snapshot(0)).toEqual(['a', 'c']);
    expect([q.size(0), q.at(0, 1), q.size(1)]).toEqual([2, 'c', 1]);
    q.remove(0, 'zzz');
    q.remove(0, 'a');
    q.remove(0, 'c');
    expect(q.size(0)).toBe(0);
    q.push(0, 'd');
    expect(q.snapshot(0)).toEqual(['d']);
    expect(q.snapshot(1)).toEqual(['x']);
  });

  it('hands out snapshots that do not change as items leave', () => {
    const q = new InstrumentQueues<number>(1);
    [1, 2, 3].forEach((n) => q.push(0, n));
    const snap = q.snapshot(0);
    q.remove(0, 2);
    expect(snap).toEqual([1, 2, 3]);
    expect(q.snapshot(0)).toEqual([1, 3]);
  });
});
