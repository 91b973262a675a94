import { describe, expect, it } from 'vitest';
import { OrderIdAllocator, REQUEST_ID_BASE, RequestIds, isRequestId } from './idAllocator';

describe('OrderIdAllocator', () => {
  it('starts above every id used before and takes nextValidId when it is higher', () => {
    const a = new OrderIdAllocator(41);
    a.observeNextValidId(10);
    expect(a.take()).toBe(42);
    a.observeNextValidId(100);
    expect(a.take()).toBe(100);
    expect(a.take()).toBe(101);
  });

  it('never goes below an id seen in an open order', () => {
    const a = new OrderIdAllocator(0);
    a.observeUsed(7);
    expect(a.take()).toBe(8);
  });

  it('keeps order ids out of the request id range', () => {
    const a = new OrderIdAllocator(REQUEST_ID_BASE - 1);
    expect(() => a.take()).toThrow(/request id range/);
  });
});

describe('RequestIds', () => {
  it('hands out ids in their own range', () => {
    const r = new RequestIds();
    const ids = [r.take(), r.take()];
    expect(ids).toEqual([REQUEST_ID_BASE, REQUEST_ID_BASE + 1]);
    expect(ids.every(isRequestId)).toBe(true);
    expect(isRequestId(12)).toBe(false);
  });
});
