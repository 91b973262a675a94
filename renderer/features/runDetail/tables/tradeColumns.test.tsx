// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TradeRowDto } from '../../../../core/ipc/contract/backtests';
import { useSelectedTradeStore } from '../../../stores/selectedTradeStore';
import { tradeColumns } from './tradeColumns';

const closed: TradeRowDto = {
  instrument: 'GOOG', direction: 'LONG', quantity: 10, entryTs: Date.UTC(2013, 0, 2), entryPrice: 700, exitTs: Date.UTC(2013, 1, 1),
  exitPrice: 750, pnl: 497, returnPct: 7.1, commission: 3, barsHeld: 20, status: 'CLOSED', markPrice: null, unrealizedPnl: null,
  mae: -120, maePct: -1.71, mfe: 610, mfePct: 8.71, exitReason: 'STOP', cumulativePnl: 1497,
};
const open: TradeRowDto = { ...closed, exitTs: Date.UTC(2013, 2, 1), exitPrice: 806.19, status: 'OPEN', markPrice: 806.19, unrealizedPnl: 1061.9, exitReason: null };

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

  it('shows the exit reason, the excursions in money and %, and the cumulative P&L', () => {
    const c = cells(closed);
    expect(c.exitReason.textContent).toBe('Stop');
    expect(c.mae.textContent).toBe('−120.00 (−1.71 %)');
    expect(c.mfe.textContent).toBe('610.00 (+8.71 %)');
    expect(c.cumulativePnl.textContent).toBe('1,497.00');
    cleanup();
    expect(cells(open).exitReason.textContent).toBe('Still open');
  });

  it('selects the trade when its symbol is clicked, and unselects it on a second click', () => {
    useSelectedTradeStore.setState({ runId: 'r', tradeId: null });
    cells(closed);
    const button = screen.getByTestId('select-trade');
    fireEvent.click(button);
    expect(useSelectedTradeStore.getState().tradeId).toBe(`GOOG@${Date.UTC(2013, 0, 2)}`);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(button);
    expect(useSelectedTradeStore.getState().tradeId).toBeNull();
  });
});
