// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckOrderResult, OrderTicket as TicketDto, QuoteDto } from '../../../core/ipc/contract/trading';
import { ApiError } from '../../../core/ipc/errors';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import type { LiveGuard } from './liveGuard';
import { OrderTicket } from './OrderTicket';
import { EMPTY_TICKET } from './ticketModel';
import { useTicketStore } from './ticketStore';

const MAX_QUANTITY = 1000;

/** The engine's verdict under one limit: at most 1000 shares an order. */
function verdict(t: TicketDto): CheckOrderResult {
  const tooMany = t.quantity > MAX_QUANTITY;
  return {
    ok: !tooMany,
    risk: {
      passed: !tooMany,
      checks: [
        { check: 'symbol', status: 'pass', detail: `${t.instrument} may be traded` },
        { check: 'max_quantity', status: tooMany ? 'fail' : 'pass', detail: `${t.quantity} against a limit of ${MAX_QUANTITY}` },
        { check: 'leverage', status: 'off', detail: 'no limit set' },
      ],
      reasons: tooMany ? [`quantity ${t.quantity} is over the limit of ${MAX_QUANTITY}`] : [],
    },
    blockers: [],
    lastPrice: 101.5,
    needsConfirm: false,
  };
}

const quotes: QuoteDto[] = [];
const paper: LiveGuard = (_what, sendNow) => sendNow(false);
const send = (): HTMLButtonElement => screen.getByTestId('ticket-submit');

function startEngine(): FakeEngine {
  return createFakeEngine({
    'trading.checkOrder': (t) => verdict(t),
    'trading.submitOrder': (t) => ({ accepted: true, orderId: 'ord-7', clientOrderRef: 'td-7', reason: null, risk: verdict(t).risk }),
  });
}

describe('OrderTicket', () => {
  let engine: FakeEngine;
  beforeEach(() => {
    useTicketStore.setState({ draft: EMPTY_TICKET });
    engine = startEngine();
    renderWithApi(<OrderTicket quotes={quotes} checkContext="ctx" guard={paper} />, engine.client);
  });
  afterEach(() => {
    cleanup();
    expect(engine.contractErrors).toEqual([]);
    expect(engine.unserved).toEqual([]);
  });

  it('asks for a complete ticket before checking, with send disabled', async () => {
    expect(screen.getByTestId('check-idle')).toBeTruthy();
    expect(send().disabled).toBe(true);
    expect(engine.inputsOf('trading.checkOrder')).toEqual([]);
  });

  it("shows the engine's refusal with the failing check, and keeps send disabled", async () => {
    const user = userEvent.setup();
    await user.type(screen.getByTestId('ticket-symbol'), 'spy');
    await user.selectOptions(screen.getByTestId('ticket-type'), 'MARKET');
    await user.type(screen.getByTestId('ticket-quantity'), '5000');

    const result = await screen.findByTestId('check-result');
    expect(result.dataset.ok).toBe('false');
    expect(screen.getByTestId('check-verdict').textContent).toBe('Refused by the risk checks');
    const failed = within(result)
      .getAllByTestId('check-item')
      .filter((el) => el.dataset.status === 'fail');
    expect(failed.map((el) => el.dataset.check)).toEqual(['max_quantity']);
    expect(failed[0].textContent).toContain('5000 against a limit of 1000');
    // A check without a limit is not listed at all.
    expect(within(result).queryAllByTestId('check-item').some((el) => el.dataset.check === 'leverage')).toBe(false);
    expect(send().disabled).toBe(true);
    expect(engine.inputsOf('trading.checkOrder').at(-1)).toMatchObject({ instrument: 'SPY', side: 'BUY', type: 'MARKET', quantity: 5000 });

    // Enter does not send a refused order either.
    await user.type(screen.getByTestId('ticket-quantity'), '{Enter}');
    expect(engine.inputsOf('trading.submitOrder')).toEqual([]);
  });

  it('sends a passing order with Enter and shows the order id', async () => {
    const user = userEvent.setup();
    await user.type(screen.getByTestId('ticket-symbol'), 'spy');
    await user.type(screen.getByTestId('ticket-quantity'), '100');
    await user.type(screen.getByTestId('ticket-limit'), '101.25');

    await waitFor(() => expect(screen.getByTestId('check-result').dataset.ok).toBe('true'));
    expect(send().disabled).toBe(false);
    expect(send().textContent).toBe('Buy 100 SPY');

    await user.type(screen.getByTestId('ticket-limit'), '{Enter}');
    expect((await screen.findByTestId('submit-outcome')).textContent).toBe('Sent: order ord-7');
    expect(engine.inputsOf('trading.submitOrder')).toEqual([
      { instrument: 'SPY', side: 'BUY', type: 'LIMIT', quantity: 100, limitPrice: 101.25, timeInForce: 'DAY', confirm: false },
    ]);
  });

  it('picks the side with B and S outside the symbol field, and clears with Escape', async () => {
    const user = userEvent.setup();
    const sell = screen.getByTestId('ticket-side-sell');
    const buy = screen.getByTestId('ticket-side-buy');

    await user.type(screen.getByTestId('ticket-quantity'), '7s');
    expect(sell.getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByTestId('ticket-quantity') as HTMLInputElement).value).toBe('7');

    // In the symbol field the letters are typed, not taken as keys.
    await user.type(screen.getByTestId('ticket-symbol'), 'bs');
    expect((screen.getByTestId('ticket-symbol') as HTMLInputElement).value).toBe('BS');
    expect(sell.getAttribute('aria-pressed')).toBe('true');

    await user.type(screen.getByTestId('ticket-quantity'), 'b');
    expect(buy.getAttribute('aria-pressed')).toBe('true');

    await user.type(screen.getByTestId('ticket-quantity'), '{Escape}');
    expect((screen.getByTestId('ticket-symbol') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('ticket-quantity') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('check-idle')).toBeTruthy();
  });
});

describe('OrderTicket when the engine cannot check', () => {
  let engine: FakeEngine;
  afterEach(() => {
    cleanup();
    expect(engine.unserved).toEqual([]);
  });

  it("shows the engine's error instead of a verdict, and nothing can be sent", async () => {
    useTicketStore.setState({ draft: EMPTY_TICKET });
    engine = createFakeEngine({
      'trading.checkOrder': () => {
        throw new ApiError('REJECTED', 'the risk configuration could not be read');
      },
    });
    renderWithApi(<OrderTicket quotes={quotes} checkContext="ctx" guard={paper} />, engine.client);
    const user = userEvent.setup();
    await user.type(screen.getByTestId('ticket-symbol'), 'spy');
    await user.selectOptions(screen.getByTestId('ticket-type'), 'MARKET');
    await user.type(screen.getByTestId('ticket-quantity'), '10');

    const error = await screen.findByTestId('check-error');
    expect(error.textContent).toBe('The order could not be checked: the risk configuration could not be read');
    expect(screen.queryByTestId('check-result')).toBeNull();
    expect(send().disabled).toBe(true);
    await user.type(screen.getByTestId('ticket-quantity'), '{Enter}');
    expect(engine.inputsOf('trading.submitOrder')).toEqual([]);
  });
});
