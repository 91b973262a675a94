// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TradeRowDto } from '../../../../core/ipc/contract/backtests';
import { tradeColumns } from './tradeColumns';

const closed: TradeRowDto = {
  instrument: 'GOOG', direction: 'LONG', quantity: 10, entryTs: Date.UTC(2013, 0, 2), entryPrice: 700, exitTs: Date.UTC(2013, 1, 1),
  exitPrice: 750, pnl: 497, returnPct: 7.1, commission: 3, barsHeld: 20, status: 'CLOSED', markPrice: null, unrealizedPnl: null,
};
const open: TradeRowDto = { ...closed, exitTs: Date.UTC(2013, 2, 1), exitPrice: 806.19, status: 'OPEN', markPrice: 806.19, unrealizedPnl: 1061.9 };

function cells(row: TradeRowDto): Record<string, HTMLElement> {
  render(
    <div>
      {tradeColumns.map((c) => (
        <div key={c.id} data-testid={c.id}>
          {c.cell(row)}
        </div>
      ))}
    </div>,
  );
  return Object.fromEntries(tradeColumns.map((c) => [c.id, screen.getByTestId(c.id)]));
}

afterEach(cleanup);

describe('tradeColumns', () => {
  it('marks a trade still open at the end with a badge, its mark and its unrealized P&L', () => {
    const c = cells(open);
    expect(c.exitTs.textContent).toBe('open');
    expect(screen.getByTestId('trade-open').getAttribute('title')).toBe('still held; marked at the close of 2013-03-01');
    expect(c.exitPrice.textContent).toBe('806.19');
    expect(c.unrealizedPnl.textContent).toBe('1,061.90');
  });

  it('shows a closed trade as before: its exit date and price, no unrealized P&L', () => {
    const c = cells(closed);
    expect(c.exitTs.textContent).toBe('2013-02-01');
    expect(c.exitPrice.textContent).toBe('750.00');
    expect(c.unrealizedPnl.textContent).toBe('');
    expect(screen.queryByTestId('trade-open')).toBeNull();
  });
});
