import { describe, expect, it } from 'vitest';
import { WorkingOrders, type WorkingEntry } from './workingOrders';

const entry = (seq: number): WorkingEntry => ({ seq, done: false });
const leave = (set: WorkingOrders<WorkingEntry>, e: WorkingEntry): void => set.remove(e);

describe('WorkingOrders', () => {
  it('finds live entries by number and lists them oldest first', () => {
    const set = new WorkingOrders<WorkingEntry>();
    const es = [1, 2, 5, 9].map(entry);
    es.forEach((e) => set.add(e));
    leave(set, es[1]);
    leave(set, es[1]);
    expect(set.size).toBe(3);
    expect(set.get(5)).toBe(es[2]);
    expect(set.get(2)).toBeUndefined();
    expect(set.get(3)).toBeUndefined();
    expect(set.get(Number.NaN)).toBeUndefined();
    expect(set.snapshot().map((e) => e.seq)).toEqual([1, 5, 9]);
  });

  it('hands out a copy that stays whole while entries leave and arrive', () => {
    const set = new WorkingOrders<WorkingEntry>();
    const es = [1, 2, 3].map(entry);
    es.forEach((e) => set.add(e));
    const seen: number[] = [];
    for (const e of set.snapshot()) {
      seen.push(e.seq);
      leave(set, e);
      set.add(entry(e.seq + 10));
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(set.snapshot().map((e) => e.seq)).toEqual([11, 12, 13]);
  });

  it('stays correct across many lazy compactions', () => {
    const set = new WorkingOrders<WorkingEntry>();
    const live: WorkingEntry[] = [];
    for (let seq = 1; seq <= 5000; seq++) {
      const e = entry(seq);
      set.add(e);
      live.push(e);
      // Keep every seventh order working, let the rest leave.
      if (seq % 7 !== 0) leave(set, live.splice(live.indexOf(e), 1)[0]);
    }
    expect(set.size).toBe(live.length);
    expect(set.snapshot()).toEqual(live);
    expect(set.get(4998)).toBe(live[live.length - 1]);
    expect(set.get(4999)).toBeUndefined();
  });

  it('refuses numbers out of order', () => {
    const set = new WorkingOrders<WorkingEntry>();
    set.add(entry(4));
    expect(() => set.add(entry(4))).toThrow(/added after 4/);
  });
});
