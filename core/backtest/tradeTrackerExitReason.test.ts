import { describe, expect, it } from 'vitest';
import { exitReasonOf, MARGIN_CALL } from './tradeTrackerExitReason';
import { CLOSE_AT_END } from './closeAtEnd';

const link = (role: 'TAKE_PROFIT' | 'STOP_LOSS') => ({ link: { listId: 'L1', kind: 'BRACKET' as const, role, parentId: 'O1' } });

describe('exitReasonOf', () => {
  it('reads the engine\'s intents first, then an explicit reason, then the order\'s role and type', () => {
    expect(exitReasonOf({ type: 'MARKET', metadata: { action: CLOSE_AT_END } })).toBe('END_OF_RUN');
    expect(exitReasonOf({ type: 'MARKET', metadata: { action: MARGIN_CALL } })).toBe('MARGIN_CALL');
    expect(exitReasonOf({ type: 'STOP', metadata: { exitReason: 'RISK' } })).toBe('RISK');
    expect(exitReasonOf({ type: 'LIMIT', metadata: null, extras: link('TAKE_PROFIT') })).toBe('TARGET');
    expect(exitReasonOf({ type: 'TRAILING_STOP', metadata: null, extras: link('STOP_LOSS') })).toBe('TRAILING_STOP');
    expect(exitReasonOf({ type: 'TRAILING_STOP_LIMIT', metadata: null })).toBe('TRAILING_STOP');
    expect(exitReasonOf({ type: 'STOP', metadata: null, extras: link('STOP_LOSS') })).toBe('STOP');
    expect(exitReasonOf({ type: 'LIMIT', metadata: null })).toBe('SIGNAL');
    expect(exitReasonOf(null)).toBe('SIGNAL');
  });
});
