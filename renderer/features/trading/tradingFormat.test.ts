import { describe, expect, it } from 'vitest';
import { EMPTY } from '../../components/common/format';
import { fmtClock, fmtPnl, fmtPrice, fmtQty, pnlClass } from './tradingFormat';

describe('trading formats', () => {
  it('signs P&L and shows a rounded zero without a sign', () => {
    expect(fmtPnl(1234.5)).toBe('+1,234.50');
    expect(fmtPnl(-12)).toBe('−12.00');
    expect(fmtPnl(0)).toBe('0.00');
    expect(fmtPnl(-0.001)).toBe('0.00');
    expect(fmtPnl(null)).toBe(EMPTY);
    expect(fmtPnl(Number.NaN)).toBe(EMPTY);
  });

  it('colours a P&L as it is shown', () => {
    expect(pnlClass(3)).toBe('pos');
    expect(pnlClass(-0.01)).toBe('neg');
    expect(pnlClass(-0.001)).toBe('');
    expect(pnlClass(null)).toBe('');
  });

  it('formats prices and quantities', () => {
    expect(fmtPrice(1234.5)).toBe('1,234.50');
    expect(fmtPrice(0.1234)).toBe('0.1234');
    expect(fmtPrice(0)).toBe('0.00');
    expect(fmtPrice(null)).toBe(EMPTY);
    expect(fmtQty(1500)).toBe('1,500');
    expect(fmtQty(0.123456)).toBe('0.1235');
    expect(fmtQty(-20)).toBe('−20');
    expect(fmtQty(-0.5)).toBe('−0.5');
  });

  it('shows a time of day', () => {
    expect(fmtClock(new Date(2024, 2, 1, 9, 5, 7).getTime())).toBe('09:05:07');
    expect(fmtClock(null)).toBe(EMPTY);
  });
});
