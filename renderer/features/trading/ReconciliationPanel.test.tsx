// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReconciliationDifferenceDto } from '../../../core/ipc/contract/trading';
import { fakeEngineEachTest } from '../../testing/engineEachTest';
import { renderWithApi } from '../../testing/renderWithApi';
import { ReconciliationPanel } from './ReconciliationPanel';

const lost: ReconciliationDifferenceDto = {
  id: 3,
  ts: Date.UTC(2026, 0, 5, 15),
  kind: 'position',
  instrument: 'AAA',
  detail: 'position 10 in our records (last snapshot plus the fills since), 0 at the broker',
};
const foreign: ReconciliationDifferenceDto = { id: 4, ts: lost.ts, kind: 'external_order', instrument: 'BBB', detail: 'SELL 2 not placed by this app' };

describe('ReconciliationPanel', () => {
  const startEngine = fakeEngineEachTest();

  it('shows nothing while there is no difference', () => {
    const engine = startEngine({});
    renderWithApi(<ReconciliationPanel unknownOrders={[]} differences={[]} />, engine.client);
    expect(screen.queryByTestId('reconciliation')).toBeNull();
  });

  it('lists each difference with a badge counting them, and acknowledges the one the trader picks', async () => {
    const engine = startEngine({ 'trading.acknowledgeDifference': () => ({ acknowledged: true }) });
    renderWithApi(<ReconciliationPanel unknownOrders={[]} differences={[lost, foreign]} />, engine.client);
    expect(screen.getByTestId('differences-badge').textContent).toBe('2 to review');
    const rows = screen.getAllByTestId('difference-row');
    expect(within(rows[0] as HTMLElement).getByText('Position')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Order not placed here')).toBeTruthy();
    await userEvent.click(within(rows[1] as HTMLElement).getByTestId('difference-ack'));
    await waitFor(() => expect(engine.inputsOf('trading.acknowledgeDifference')).toEqual([{ id: 4 }]));
  });
});
