import { describe, expect, it } from 'vitest';
import type { IbOpenOrderMsg } from '../parsing/schemas';
import { sampleOrder } from '../testing/fixtures';
import { applyTerms, reportedTerms, sameTerms, termsOf } from './orderTerms';

const echo = (order: IbOpenOrderMsg['order']): IbOpenOrderMsg['order'] => order;

describe('reportedTerms', () => {
  it('reads a plain order\'s stop from auxPrice and leaves prices its type does not use unset', () => {
    const stop = sampleOrder({ type: 'STOP', limitPrice: null, stopPrice: 9 });
    expect(reportedTerms(stop, echo({ totalQuantity: 12, auxPrice: 9.5, lmtPrice: 3 }))).toEqual({ quantity: 12, limitPrice: null, stopPrice: 9.5, trail: null });
  });

  it('reads a trailing order\'s trail from auxPrice or trailingPercent and its stop, which TWS moves, from trailStopPrice', () => {
    const trailing = sampleOrder({ side: 'SELL', type: 'TRAILING_STOP', limitPrice: null, stopPrice: null, extras: { trail: { amount: 2 } } });
    expect(reportedTerms(trailing, echo({ totalQuantity: 10, auxPrice: 3, trailStopPrice: 97 }))).toEqual({ quantity: 10, limitPrice: null, stopPrice: 97, trail: { amount: 3 } });
    expect(reportedTerms(trailing, echo({ trailingPercent: 5, trailStopPrice: 95 }))).toMatchObject({ stopPrice: 95, trail: { percent: 5 } });
    expect(reportedTerms(trailing, echo({}))).toMatchObject({ stopPrice: null, trail: { amount: 2 } });
  });
});

describe('sameTerms and applyTerms', () => {
  it('compares a trailing order without its moving stop when asked, and applies a new trail to the extras', () => {
    const a = { quantity: 10, limitPrice: null, stopPrice: 97, trail: { amount: 3 } };
    expect(sameTerms(a, { ...a, stopPrice: 99 }, true)).toBe(true);
    expect(sameTerms(a, { ...a, stopPrice: 99 }, false)).toBe(false);
    expect(sameTerms(a, { ...a, trail: { percent: 3 } }, true)).toBe(false);
    const o = sampleOrder({ type: 'TRAILING_STOP', limitPrice: null, extras: { trail: { amount: 2 }, link: { listId: 'L', kind: 'OCO', role: 'MEMBER', parentId: null } } });
    applyTerms(o, a);
    expect(termsOf(o)).toEqual(a);
    expect(o.extras?.link?.listId).toBe('L');
  });
});
