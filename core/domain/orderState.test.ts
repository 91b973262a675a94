import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from './enums';
import { IllegalTransitionError, canTransition, isTerminal, transition } from './orderState';

describe('order state machine', () => {
  it('walks PENDING -> SUBMITTED -> PARTIALLY_FILLED -> FILLED', () => {
    const o = { id: 'O1', status: 'PENDING' as OrderStatus };
    for (const to of ['SUBMITTED', 'PARTIALLY_FILLED', 'PARTIALLY_FILLED', 'FILLED'] as const) transition(o, to);
    expect(o.status).toBe('FILLED');
  });

  it('throws on every move out of a terminal status, naming the order and both statuses', () => {
    for (const from of ['FILLED', 'CANCELLED', 'REJECTED'] as const) {
      expect(isTerminal(from)).toBe(true);
      for (const to of ORDER_STATUSES) {
        const o = { id: 'O7', status: from as OrderStatus };
        expect(() => transition(o, to)).toThrow(IllegalTransitionError);
        expect(() => transition(o, to)).toThrow(`order O7: illegal status transition ${from} -> ${to}`);
        expect(o.status).toBe(from);
      }
    }
  });

  it('calls exactly the statuses with no way out terminal', () => {
    for (const s of ORDER_STATUSES) expect(isTerminal(s)).toBe(ORDER_STATUSES.every((to) => !canTransition(s, to)));
  });

  it('allows a rejection only before any fill, and never goes back to PENDING', () => {
    expect(canTransition('SUBMITTED', 'REJECTED')).toBe(true);
    expect(canTransition('PARTIALLY_FILLED', 'REJECTED')).toBe(false);
    expect(canTransition('PENDING', 'FILLED')).toBe(false);
    for (const from of ORDER_STATUSES) expect(canTransition(from, 'PENDING')).toBe(false);
  });
});
