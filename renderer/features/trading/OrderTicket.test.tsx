// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckOrderResult, MemberVerdictDto, OrderTicket as TicketDto, QuoteDto } from '../../../core/ipc/contract/trading';
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

/** A bracket's verdict: a stop-loss below 90 is outside the price band; the list passes only if every member does. */
function bracketVerdict(t: TicketDto): CheckOrderResult {
  const entry = verdict(t).risk;
  const sl = t.bracket?.stopLoss;
  const tooFar = sl !== undefined && 'stopPrice' in sl && sl.stopPrice < 90;
  const stopLoss = {
    passed: !tooFar,
    checks: [{ check: 'price_band' as const, status: tooFar ? ('fail' as const) : ('pass' as const), detail: tooFar ? 'stop price is -12.00% from the last price 101.5, outside the 5% band' : 'within 5% of the last price 101.5' }],
    reasons: tooFar ? ['stop price is -12.00% from the last price 101.5, outside the 5% band'] : [],
  };
  const members: MemberVerdictDto[] = [
    { role: 'ENTRY', risk: entry },
    { role: 'TAKE_PROFIT', risk: { passed: true, checks: [{ check: 'price_band', status: 'pass', detail: 'within 5% of the last price 101.5' }], reasons: [] } },
    { role: 'STOP_LOSS', risk: stopLoss },
  ];
  const risk = members.find((m) => !m.risk.passed)?.risk ?? entry;
  return { ok: risk.passed, risk, blockers: [], lastPrice: 101.5, needsConfirm: false, members };
}

const quotes: QuoteDto[] = [];
const paper: LiveGuard = (_what, sendNow) => sendNow(false);
const send = (): HTMLButtonElement => screen.getByTestId('ticket-submit');

function startEngine(): FakeEngine {
  return createFakeEngine({
    'trading.checkOrder': (t) => (t.bracket ? bracketVerdict(t) : verdict(t)),
    'trading.submitOrder': (t) => {
      if (!t.bracket) return { accepted: true, orderId: 'ord-7', clientOrderRef: 'td-7', reason: null, risk: verdict(t).risk };
      const { risk, members } = bracketVerdict(t);
      const orders = (['ENTRY', 'TAKE_PROFIT', 'STOP_LOSS'] as const).map((role, i) => ({ role, orderId: `O${i + 4}`, clientOrderRef: `td-${i + 4}` }));
      return { accepted: true, orderId: 'O4', clientOrderRef: 'td-4', reason: null, risk, members, list: { listId: 'L2', orders } };
    },
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

  it('sends a trailing stop by percent with an initial stop, without a limit price', async () => {
    const user = userEvent.setup();
    await user.type(screen.getByTestId('ticket-symbol'), 'spy');
    await user.click(screen.getByTestId('ticket-side-sell'));
    await user.type(screen.getByTestId('ticket-quantity'), '50');
    await user.selectOptions(screen.getByTestId('ticket-type'), 'TRAILING_STOP');
    expect(screen.queryByTestId('ticket-limit')).toBeNull();
    expect(screen.queryByTestId('ticket-display')).toBeNull();
    expect(screen.queryByTestId('ticket-limit-offset')).toBeNull();
    await user.click(screen.getByTestId('ticket-trail-kind-percent'));
    await user.type(screen.getByTestId('ticket-trail'), '1.5');
    await user.type(screen.getByTestId('ticket-stop'), '99');

    await waitFor(() => expect(screen.getByTestId('check-result').dataset.ok).toBe('true'));
    await user.click(send());
    expect((await screen.findByTestId('submit-outcome')).textContent).toBe('Sent: order ord-7');
    expect(engine.inputsOf('trading.submitOrder')).toEqual([
      { instrument: 'SPY', side: 'SELL', type: 'TRAILING_STOP', quantity: 50, stopPrice: 99, trail: { percent: 1.5 }, timeInForce: 'DAY', confirm: false },
    ]);
  });

  it("asks for a trailing stop-limit's offset, and offers a display size", async () => {
    const user = userEvent.setup();
    await user.type(screen.getByTestId('ticket-symbol'), 'spy');
    await user.type(screen.getByTestId('ticket-quantity'), '100');
    await user.selectOptions(screen.getByTestId('ticket-type'), 'TRAILING_STOP_LIMIT');
    await user.type(screen.getByTestId('ticket-trail'), '2');
    expect(screen.getByTestId('check-idle')).toBeTruthy();
    await user.type(screen.getByTestId('ticket-limit-offset'), '0.25');
    await user.type(screen.getByTestId('ticket-display'), '10');
    await waitFor(() => expect(screen.getByTestId('check-result').dataset.ok).toBe('true'));
    expect(engine.inputsOf('trading.checkOrder').at(-1)).toEqual({
      instrument: 'SPY',
      side: 'BUY',
      type: 'TRAILING_STOP_LIMIT',
      quantity: 100,
      trail: { amount: 2 },
      limitOffset: 0.25,
      displayQuantity: 10,
      timeInForce: 'DAY',
    });
  });

  it("shows each bracket member's verdict, names the member refused, and sends the bracket once every member passes", async () => {
    const user = userEvent.setup();
    await user.type(screen.getByTestId('ticket-symbol'), 'spy');
    await user.type(screen.getByTestId('ticket-quantity'), '100');
    await user.type(screen.getByTestId('ticket-limit'), '101');
    expect(screen.queryByTestId('ticket-bracket-fields')).toBeNull();
    await user.click(screen.getByTestId('ticket-bracket'));
    await user.type(screen.getByTestId('ticket-take-profit'), '106');
    await user.type(screen.getByTestId('ticket-stop-loss'), '89');

    const result = await screen.findByTestId('check-result');
    await waitFor(() => expect(result.dataset.ok).toBe('false'));
    expect(screen.getByTestId('check-verdict').textContent).toBe('Refused by the risk checks: the stop-loss fails');
    const members = within(result).getAllByTestId('check-member');
    expect(members.map((m) => [m.dataset.role, m.dataset.passed])).toEqual([
      ['ENTRY', 'true'],
      ['TAKE_PROFIT', 'true'],
      ['STOP_LOSS', 'false'],
    ]);
    expect(within(members[2]).getByTestId('check-item').textContent).toContain('outside the 5% band');
    expect(send().disabled).toBe(true);

    await user.clear(screen.getByTestId('ticket-stop-loss'));
    await user.type(screen.getByTestId('ticket-stop-loss'), '97');
    await waitFor(() => expect(screen.getByTestId('check-result').dataset.ok).toBe('true'));
    expect(send().textContent).toBe('Buy 100 SPY with bracket');
    await user.click(send());
    const outcome = await screen.findByTestId('submit-outcome');
    expect(outcome.textContent).toBe('Sent: bracket entry O4, take-profit O5, stop-loss O6');
    expect(within(outcome).getAllByTestId('sent-order').map((o) => [o.dataset.role, o.dataset.orderId])).toEqual([
      ['ENTRY', 'O4'],
      ['TAKE_PROFIT', 'O5'],
      ['STOP_LOSS', 'O6'],
    ]);
    expect(engine.inputsOf('trading.submitOrder')).toEqual([
      {
        instrument: 'SPY',
        side: 'BUY',
        type: 'LIMIT',
        quantity: 100,
        limitPrice: 101,
        timeInForce: 'DAY',
        bracket: { takeProfit: { limitPrice: 106 }, stopLoss: { stopPrice: 97 } },
        confirm: false,
      },
    ]);
  });

  it('sends a trailing stop-loss by amount when the bracket says so', async () => {
    const user = userEvent.setup();
    await user.type(screen.getByTestId('ticket-symbol'), 'spy');
    await user.type(screen.getByTestId('ticket-quantity'), '10');
    await user.type(screen.getByTestId('ticket-limit'), '101');
    await user.click(screen.getByTestId('ticket-bracket'));
    await user.type(screen.getByTestId('ticket-take-profit'), '106');
    await user.click(screen.getByTestId('ticket-stop-loss-kind-amount'));
    await user.type(screen.getByTestId('ticket-stop-loss'), '3');
    await waitFor(() => expect(screen.getByTestId('check-result').dataset.ok).toBe('true'));
    expect(engine.inputsOf('trading.checkOrder').at(-1)?.bracket).toEqual({ takeProfit: { limitPrice: 106 }, stopLoss: { trail: { amount: 3 } } });
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
