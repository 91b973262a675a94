// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { executionAnalytics } from '../../../../core/service/execution/executionAnalytics';
import { ApiError } from '../../../../core/ipc/errors';
import { fakeEngineEachTest } from '../../../testing/engineEachTest';
import { renderWithApi } from '../../../testing/renderWithApi';
import { ExecutionSection } from './ExecutionSection';

const RUN = '00000000-0000-4000-8000-00000000000e';
const DAY = 86_400_000;

/** A run's orders as the engine analyses them: two next-open buys that paid 20 and 40 bps over the decision close. */
const ANALYTICS = executionAnalytics(
  [100.2, 100.4].map((price, i) => ({
    type: 'MARKET',
    side: 'BUY' as const,
    quantity: 50,
    filledQuantity: 50,
    avgFillPrice: price,
    status: 'FILLED',
    createdAt: i * DAY,
    firstFillAt: i * DAY + DAY,
    arrivalPrice: 100,
    referencePrice: price,
  })),
);

describe('ExecutionSection', () => {
  const startEngine = fakeEngineEachTest();

  it('asks nothing until opened, then shows the engine’s execution figures for the run', async () => {
    const engine = startEngine({ 'backtests.execution': () => ANALYTICS });
    renderWithApi(<ExecutionSection runId={RUN} />, engine.client);
    const section = screen.getByTestId('execution-section');
    expect(section.getAttribute('data-state')).toBe('closed');
    expect(engine.calls).toEqual([]);

    await userEvent.click(screen.getByTestId('tab-execution'));
    expect((await screen.findByTestId('exec-orders-value')).textContent).toBe('2');
    expect(section.getAttribute('data-state')).toBe('ready');
    expect(engine.inputsOf('backtests.execution')).toEqual([{ runId: RUN }]);
    expect(screen.getByTestId('exec-fill-rate-value').textContent).toBe('100.0 %');
    // A next-open fill waits one session.
    expect(screen.getByTestId('exec-time-to-fill-value').textContent).toBe('1 d 00 h');
    expect(screen.getByTestId('exec-arrival-mean-value').textContent).toBe('+30.0 bps');
    // Filled at the simulator's own quote: no slippage against it.
    expect(screen.getByTestId('exec-reference-mean-value').textContent).toBe('0.0 bps');
    expect(screen.getAllByTestId('exec-by-type-row').map((r) => r.textContent)).toEqual(['MARKET22+30.0 bps']);

    // Closed and opened again: the answer is kept, not asked again.
    await userEvent.click(screen.getByTestId('tab-execution'));
    expect(screen.queryByTestId('execution-view')).toBeNull();
    await userEvent.click(screen.getByTestId('tab-execution'));
    expect(screen.getByTestId('execution-view')).toBeTruthy();
    expect(engine.inputsOf('backtests.execution')).toHaveLength(1);
  });

  it('says what went wrong when the engine cannot analyse the run', async () => {
    const engine = startEngine({
      'backtests.execution': () => {
        throw new ApiError('NOT_FOUND', 'no run');
      },
    });
    renderWithApi(<ExecutionSection runId={RUN} />, engine.client);
    await userEvent.click(screen.getByTestId('tab-execution'));
    expect((await screen.findByText(/Could not analyse the run's execution/)).textContent).toBeTruthy();
    expect(screen.getByTestId('execution-section').getAttribute('data-state')).toBe('error');
    expect(screen.queryByTestId('execution-view')).toBeNull();
  });
});
