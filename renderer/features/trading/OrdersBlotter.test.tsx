// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TradingOrderDto } from '../../../core/ipc/contract/trading';
import { createFakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import type { LiveGuard } from './liveGuard';
import { OrdersBlotter } from './OrdersBlotter';

const order = (id: string, statusReason: string | null, status: TradingOrderDto['status'] = 'SUBMITTED'): TradingOrderDto => ({
  id,
  clientOrderRef: `ref-${id}`,
  instrument: 'AAA',
  side: 'BUY',
  type: 'LIMIT',
  quantity: 1,
  limitPrice: 50,
  stopPrice: null,
  timeInForce: 'GTC',
  status,
  filledQuantity: 0,
  avgFillPrice: 0,
  commission: 0,
  statusReason,
  createdAt: 1,
  updatedAt: 1,
});

const paper: LiveGuard = (_what, sendNow) => sendNow(false);

describe('OrdersBlotter', () => {
  afterEach(() => cleanup());

  it('marks an order still held in the outgoing message pacing as queued, and only that one', () => {
    const engine = createFakeEngine({});
    renderWithApi(
      <OrdersBlotter orders={[order('sent', null), order('waiting', "queued: waiting in the client library's message pacing, not yet sent to TWS")]} guard={paper} />,
      engine.client,
    );
    const queued = screen.getAllByTestId('order-queued');
    expect(queued).toHaveLength(1);
    expect(queued[0]?.closest('[data-testid="order-row"]')?.getAttribute('data-order-id')).toBe('waiting');
  });

  it('tells an order sent and not yet acknowledged from one the broker accepted', () => {
    const engine = createFakeEngine({});
    renderWithApi(<OrdersBlotter orders={[order('sent', null), order('working', null, 'ACCEPTED')]} guard={paper} />, engine.client);
    const badges = screen.getAllByTestId('order-status');
    expect(badges.map((b) => b.textContent)).toEqual(['sent', 'accepted']);
    expect(badges[0]?.getAttribute('title')).toMatch(/not acknowledged/);
    expect(badges[1]?.getAttribute('title')).toMatch(/acknowledged the order/);
  });
});
