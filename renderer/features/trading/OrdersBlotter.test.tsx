// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
  extras: null,
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

describe('OrdersBlotter with trailing, iceberg and bracket orders', () => {
  afterEach(() => cleanup());

  const link = (role: 'ENTRY' | 'TAKE_PROFIT' | 'STOP_LOSS', parentId: string | null) => ({ listId: 'L1', kind: 'BRACKET' as const, role, parentId });
  const bracket: TradingOrderDto[] = [
    { ...order('O12', null, 'ACCEPTED'), extras: { displayQuantity: 5, link: link('ENTRY', null) } },
    { ...order('O13', null), side: 'SELL', limitPrice: 60, extras: { link: link('TAKE_PROFIT', 'O12') } },
    { ...order('O14', null), side: 'SELL', type: 'TRAILING_STOP', limitPrice: null, stopPrice: 48.5, extras: { trail: { percent: 3 }, link: link('STOP_LOSS', 'O12') } },
  ];
  const row = (id: string): HTMLElement => {
    const el = screen.getAllByTestId('order-row').find((r) => r.dataset.orderId === id);
    if (!el) throw new Error(`no row for ${id}`);
    return el;
  };

  it("shows each exit's link to its entry, held exits as waiting for entry, a trail with the stop now, and a display size", () => {
    const engine = createFakeEngine({});
    renderWithApi(<OrdersBlotter orders={bracket} guard={paper} />, engine.client);
    expect(within(row('O12')).getByTestId('order-link').textContent).toBe('bracket entry');
    expect(within(row('O12')).getByTestId('order-display').textContent).toBe('shows 5');
    expect(within(row('O12')).getByTestId('order-status').textContent).toBe('accepted');
    expect(within(row('O13')).getByTestId('order-link').textContent).toBe('take-profit of O12');
    expect(within(row('O14')).getByTestId('order-link').textContent).toBe('stop-loss of O12');
    for (const id of ['O13', 'O14']) {
      expect(row(id).dataset.status).toBe('SUBMITTED');
      expect(within(row(id)).getByTestId('order-status').textContent).toBe('waiting for entry');
    }
    expect(within(row('O14')).getByTestId('order-trail').textContent).toBe('3%');
    expect(within(row('O14')).getByTestId('order-stop').textContent).toBe('48.50');
    // Once the entry has filled the exits are accepted and work as any order.
    cleanup();
    renderWithApi(<OrdersBlotter orders={bracket.slice(1).map((o) => ({ ...o, status: 'ACCEPTED' as const }))} guard={paper} />, engine.client);
    expect(within(row('O14')).getByTestId('order-status').textContent).toBe('accepted');
  });

  it("modifies a trailing stop's trail from its row", async () => {
    const engine = createFakeEngine({ 'trading.modifyOrder': (input) => ({ accepted: true, orderId: input.orderId, reason: null, risk: null }) });
    renderWithApi(<OrdersBlotter orders={bracket} guard={paper} />, engine.client);
    const user = userEvent.setup();
    await user.click(within(row('O14')).getByTestId('order-modify'));
    const trail = within(row('O14')).getByTestId('modify-trail');
    expect(trail.getAttribute('aria-label')).toBe('Trail percent of order O14');
    // A trailing stop's stop follows the market: only its trail is edited.
    expect(within(row('O14')).queryByTestId('modify-stopPrice')).toBeNull();
    await user.clear(trail);
    await user.type(trail, '2{Enter}');
    await waitFor(() => expect(engine.inputsOf('trading.modifyOrder')).toEqual([{ orderId: 'O14', trail: { percent: 2 }, confirm: false }]));
  });
});
