// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ExecutionDto, TradingMode } from '../../../core/ipc/contract/trading';
import { executionAnalytics, type ExecOrder } from '../../../core/service/execution/executionAnalytics';
import { fakeEngineEachTest } from '../../testing/engineEachTest';
import { renderWithApi } from '../../testing/renderWithApi';
import { ExecutionPanel } from './ExecutionPanel';

/** A manual buy ticket filled 0.5 s after the click, 8 bps over the last price then and 3 bps over the ask it was sent at. */
const ticket = (i: number): ExecOrder => ({
  type: 'MARKET',
  side: 'BUY',
  quantity: 100,
  filledQuantity: 100,
  avgFillPrice: 100.08,
  status: 'FILLED',
  createdAt: i * 1000,
  firstFillAt: i * 1000 + 500,
  arrivalPrice: 100,
  referencePrice: 100.05,
});

const fill = (id: string): ExecutionDto => ({
  id,
  orderId: `o-${id}`,
  instrument: 'AAA',
  side: 'BUY',
  quantity: 100,
  price: 100.08,
  commission: 1,
  ts: 1,
  referencePrice: 100.05,
  slippage: 3,
});

/** The panel under a mode the test can switch, as the trading screen's mode control does. */
function Switchable() {
  const [mode, setMode] = useState<TradingMode>('PAPER');
  return (
    <>
      <button type="button" onClick={() => setMode('LIVE')}>
        go live
      </button>
      <ExecutionPanel mode={mode} />
    </>
  );
}

describe('ExecutionPanel', () => {
  const startEngine = fakeEngineEachTest();

  it('shows the mode’s execution figures and asks again once after a burst of fills', async () => {
    const orders: ExecOrder[] = [];
    const engine = startEngine({ 'trading.execution': () => executionAnalytics(orders) });
    renderWithApi(<ExecutionPanel mode="PAPER" />, engine.client);
    // Nothing traded yet: dashes and a note, no NaN.
    expect((await screen.findByTestId('exec-orders-value')).textContent).toBe('0');
    expect(screen.getByTestId('exec-arrival-mean-value').textContent).toBe('—');
    expect(screen.getByTestId('exec-notes').textContent).toContain('No orders yet');
    expect(screen.getByTestId('execution-analytics').textContent).toContain('paper orders');

    // Three fills arrive together: one more question, after the last.
    orders.push(ticket(0), ticket(1));
    for (const id of ['e1', 'e2', 'e3']) engine.bus.emit('trading.fill', fill(id));
    await waitFor(() => expect(screen.getByTestId('exec-orders-value').textContent).toBe('2'));
    expect(engine.inputsOf('trading.execution')).toHaveLength(2);
    expect(screen.getByTestId('exec-time-to-fill-value').textContent).toBe('500 ms');
    expect(screen.getByTestId('exec-arrival-median-value').textContent).toBe('+8.0 bps');
    expect(screen.getByTestId('exec-reference-median-value').textContent).toBe('+3.0 bps');
    expect(screen.queryByTestId('exec-notes')).toBeNull();
  });

  it('asks again for the other mode’s orders when the mode changes', async () => {
    const engine = startEngine({ 'trading.execution': () => executionAnalytics([ticket(0)]) });
    renderWithApi(<Switchable />, engine.client);
    await screen.findByTestId('execution-view');
    await userEvent.click(screen.getByText('go live'));
    expect(screen.getByTestId('execution-analytics').textContent).toContain('live orders');
    await waitFor(() => expect(engine.inputsOf('trading.execution')).toHaveLength(2));
  });
});
