import { describe, expect, it } from 'vitest';
import { cancelOutcomeOf } from './cancelOutcome';

describe('cancelOutcomeOf', () => {
  it('says no cancel went out when none was recorded', () => {
    expect(cancelOutcomeOf(null, 'ACCEPTED', null)).toEqual({ state: 'not_requested', detail: null });
  });

  it('keeps an order withdrawn before it left as never sent, though it is cancelled here', () => {
    expect(cancelOutcomeOf({ state: 'never_sent', detail: 'withdrawn' }, 'CANCELLED', 'withdrawn')).toEqual({ state: 'never_sent', detail: 'withdrawn' });
  });

  it('lets the order status decide once it is final: cancelled is confirmed, filled is filled', () => {
    expect(cancelOutcomeOf({ state: 'pending', detail: null }, 'CANCELLED', 'Order Canceled (202)')).toEqual({ state: 'confirmed', detail: 'Order Canceled (202)' });
    expect(cancelOutcomeOf({ state: 'refused', detail: 'state: Filled (10148)' }, 'FILLED', null)).toEqual({ state: 'filled', detail: 'state: Filled (10148)' });
  });

  it('reports the broker not knowing the order while the order is still open here', () => {
    expect(cancelOutcomeOf({ state: 'not_found', detail: 'not found (10147)' }, 'SUBMITTED', null).state).toBe('not_found');
    expect(cancelOutcomeOf({ state: 'pending', detail: null }, 'ACCEPTED', null).state).toBe('pending');
  });
});
