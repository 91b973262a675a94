// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TradeRowDto } from '../../../../core/ipc/contract/backtests';
import { useSelectedTradeStore } from '../../../stores/selectedTradeStore';
import { createFakeEngine, type FakeEngine } from '../../../testing/fakeEngine';
import { renderWithApi } from '../../../testing/renderWithApi';
import { TradeAnalysisSection } from './TradeAnalysisSection';

const RUN = '00000000-0000-4000-8000-000000000001';
const DAY = 86_400_000;

function trade(i: number, over: Partial<TradeRowDto>): TradeRowDto {
  return {
    instrument: 'AAA', direction: 'LONG', quantity: 10, entryTs: i * DAY, entryPrice: 100, exitTs: (i + 1) * DAY, exitPrice: 101, pnl: 10,
    returnPct: 1, commission: 0, barsHeld: 1, status: 'CLOSED', markPrice: null, unrealizedPnl: null, mae: -5, maePct: -0.5, mfe: 20,
    mfePct: 2, exitReason: 'SIGNAL', cumulativePnl: 0, ...over,
  };
}

/**
 * 1,005 trades, so the panel has to read two pages: 1,000 long winners on AAA stored before excursions
 * were kept (no scatter points, which keeps the test quick), then five others.
 */
const TRADES: TradeRowDto[] = [
  ...Array.from({ length: 1000 }, (_, i) => trade(i, { mae: null, maePct: null, mfe: null, mfePct: null })),
  trade(1000, { instrument: 'BBB', direction: 'SHORT', pnl: -30, exitReason: 'STOP' }),
  trade(1001, { instrument: 'BBB', direction: 'SHORT', pnl: 12, exitReason: 'TARGET' }),
  trade(1002, { instrument: 'CCC', pnl: -50, exitReason: 'MARGIN_CALL' }),
  trade(1003, { instrument: 'CCC', pnl: -1, exitReason: 'END_OF_RUN' }),
  trade(1004, { instrument: 'AAA', pnl: 7, status: 'OPEN', exitReason: null, markPrice: 101, unrealizedPnl: 7 }),
];

let engine: FakeEngine;
beforeEach(() => {
  useSelectedTradeStore.setState({ runId: null, tradeId: null });
  engine = createFakeEngine({
    'backtests.trades': ({ offset, limit }) => ({ rows: TRADES.slice(offset, offset + limit), total: TRADES.length }),
  });
});
afterEach(() => {
  cleanup();
  expect(engine.contractErrors).toEqual([]);
});

const count = () => screen.getByTestId('trade-analysis-count').textContent ?? '';

describe('TradeAnalysisSection', () => {
  it('reads every page and narrows the trades by symbol, side, outcome and exit reason', async () => {
    const user = userEvent.setup();
    renderWithApi(<TradeAnalysisSection runId={RUN} />, engine.client);
    await waitFor(() => expect(count()).toMatch(/^1,005 of 1,005 trades/));
    expect(engine.inputsOf('backtests.trades').map((i) => i.offset)).toEqual([0, 1000]);

    // Only the reasons present are offered, in their fixed order, with open trades as their own choice.
    const reasons = [...screen.getByTestId('filter-reason').querySelectorAll('option')].map((o) => o.textContent);
    expect(reasons).toEqual(['All', 'Signal', 'Stop', 'Target', 'End of run', 'Margin call', 'Still open']);

    await user.selectOptions(screen.getByTestId('filter-symbol'), 'BBB');
    expect(count()).toMatch(/^2 of 1,005 trades/);
    await user.selectOptions(screen.getByTestId('filter-outcome'), 'loss');
    expect(count()).toMatch(/^1 of 1,005 trades · net −?-?30\.00/);
    await user.selectOptions(screen.getByTestId('filter-symbol'), '');
    expect(count()).toMatch(/^3 of 1,005 trades/);
    await user.selectOptions(screen.getByTestId('filter-reason'), 'MARGIN_CALL');
    expect(count()).toMatch(/^1 of 1,005 trades/);
    await user.selectOptions(screen.getByTestId('filter-side'), 'SHORT');
    expect(screen.getByText('No trades match these filters.')).toBeTruthy();
    await user.selectOptions(screen.getByTestId('filter-reason'), 'OPEN');
    await user.selectOptions(screen.getByTestId('filter-side'), 'LONG');
    await user.selectOptions(screen.getByTestId('filter-outcome'), 'win');
    expect(count()).toMatch(/^1 of 1,005 trades · net 7\.00/);
  });

  it('claims the selection for its run: a trade selected on another run is dropped', async () => {
    useSelectedTradeStore.setState({ runId: 'another run', tradeId: 'AAA@0' });
    renderWithApi(<TradeAnalysisSection runId={RUN} />, engine.client);
    await waitFor(() => expect(useSelectedTradeStore.getState()).toMatchObject({ runId: RUN, tradeId: null }));
  });
});
