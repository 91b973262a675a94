import { describe, expect, it } from 'vitest';
import { describeTicket, EMPTY_TICKET, readTicket, ticketKeyAction, type TicketDraft } from './ticketModel';

const draft = (over: Partial<TicketDraft>): TicketDraft => ({ ...EMPTY_TICKET, symbol: 'syn001', quantity: '10', limitPrice: '99.5', ...over });

describe('order ticket', () => {
  it('reads a limit order, upper-casing the symbol and sending only the limit price', () => {
    expect(readTicket(draft({ stopPrice: '90' }))).toEqual({
      ticket: { instrument: 'SYN001', side: 'BUY', type: 'LIMIT', quantity: 10, limitPrice: 99.5, timeInForce: 'DAY' },
      issues: {},
    });
  });

  it('sends the prices each type needs, and no other', () => {
    expect(readTicket(draft({ type: 'MARKET', stopPrice: '1' })).ticket).toEqual({ instrument: 'SYN001', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
    expect(readTicket(draft({ type: 'STOP', stopPrice: '95', side: 'SELL' })).ticket).toMatchObject({ type: 'STOP', stopPrice: 95, side: 'SELL' });
    expect(readTicket(draft({ type: 'STOP', stopPrice: '95' })).ticket).not.toHaveProperty('limitPrice');
    expect(readTicket(draft({ type: 'STOP_LIMIT', stopPrice: '' })).issues).toEqual({ stopPrice: 'a stop price above 0' });
    expect(readTicket(draft({ type: 'STOP_LIMIT', stopPrice: '98' })).ticket).toMatchObject({ stopPrice: 98, limitPrice: 99.5 });
  });

  it('reads a trailing stop: its trail by amount or percent, an optional initial stop, and no limit price', () => {
    const trailing = draft({ type: 'TRAILING_STOP', side: 'SELL', trail: '2.5' });
    expect(readTicket(trailing)).toEqual({
      ticket: { instrument: 'SYN001', side: 'SELL', type: 'TRAILING_STOP', quantity: 10, trail: { amount: 2.5 }, timeInForce: 'DAY' },
      issues: {},
    });
    expect(readTicket({ ...trailing, trailKind: 'percent', stopPrice: '97' }).ticket).toMatchObject({ trail: { percent: 2.5 }, stopPrice: 97 });
    expect(readTicket({ ...trailing, trail: '' }).issues).toEqual({ trail: 'a trail amount above 0' });
    expect(readTicket({ ...trailing, trailKind: 'percent', trail: '-1' }).issues).toEqual({ trail: 'a trail percent above 0' });
    expect(readTicket({ ...trailing, stopPrice: 'x' }).issues).toEqual({ stopPrice: 'an initial stop above 0, or empty' });
    // A trailing stop rests as a stop: no display size.
    expect(readTicket({ ...trailing, displayQuantity: '5' }).ticket).not.toHaveProperty('displayQuantity');
  });

  it("reads a trailing stop-limit's limit offset, 0 allowed, and a display size for limit-type orders only", () => {
    const tsl = draft({ type: 'TRAILING_STOP_LIMIT', trail: '1', limitOffset: '0', displayQuantity: '5' });
    expect(readTicket(tsl).ticket).toEqual({
      instrument: 'SYN001',
      side: 'BUY',
      type: 'TRAILING_STOP_LIMIT',
      quantity: 10,
      trail: { amount: 1 },
      limitOffset: 0,
      displayQuantity: 5,
      timeInForce: 'DAY',
    });
    expect(readTicket({ ...tsl, limitOffset: '' }).issues).toEqual({ limitOffset: 'a limit offset of 0 or more' });
    expect(readTicket(draft({ displayQuantity: '3' })).ticket).toMatchObject({ type: 'LIMIT', displayQuantity: 3 });
    expect(readTicket(draft({ displayQuantity: '0' })).issues).toEqual({ displayQuantity: 'a display size above 0, or empty' });
    expect(readTicket(draft({ type: 'MARKET', displayQuantity: '3' })).ticket).not.toHaveProperty('displayQuantity');
    // Over the quantity is the engine's to say: the ticket asks.
    expect(readTicket(draft({ displayQuantity: '30' })).ticket).toMatchObject({ displayQuantity: 30 });
  });

  it('attaches a bracket: a take-profit limit and a stop-loss at a price or trailing', () => {
    const withBracket = draft({ bracket: true, takeProfit: '105', stopLoss: '95' });
    expect(readTicket(withBracket).ticket).toEqual({
      instrument: 'SYN001',
      side: 'BUY',
      type: 'LIMIT',
      quantity: 10,
      limitPrice: 99.5,
      timeInForce: 'DAY',
      bracket: { takeProfit: { limitPrice: 105 }, stopLoss: { stopPrice: 95 } },
    });
    expect(readTicket({ ...withBracket, stopLossKind: 'percent', stopLoss: '3' }).ticket?.bracket?.stopLoss).toEqual({ trail: { percent: 3 } });
    expect(readTicket({ ...withBracket, stopLossKind: 'amount', stopLoss: '2' }).ticket?.bracket?.stopLoss).toEqual({ trail: { amount: 2 } });
    expect(readTicket({ ...withBracket, takeProfit: '', stopLoss: 'x' }).issues).toEqual({ takeProfit: 'a take-profit price above 0', stopLoss: 'a stop-loss price above 0' });
    // Unticked, the exits typed are kept in the draft but not sent.
    expect(readTicket({ ...withBracket, bracket: false }).ticket).not.toHaveProperty('bracket');
  });

  it('names every field that is missing or malformed', () => {
    const r = readTicket({ ...EMPTY_TICKET, symbol: 'BAD$', quantity: '-3', limitPrice: 'x' });
    expect(r.ticket).toBeNull();
    expect(Object.keys(r.issues).sort()).toEqual(['limitPrice', 'quantity', 'symbol']);
    expect(readTicket(draft({ symbol: '  ' })).issues.symbol).toBe('enter a symbol');
    expect(readTicket(draft({ quantity: '0' })).issues.quantity).toBeDefined();
    expect(readTicket(draft({ quantity: 'Infinity' })).issues.quantity).toBeDefined();
  });

  it('describes an order in one line for its confirmation', () => {
    expect(describeTicket({ instrument: 'AAPL', side: 'BUY', type: 'LIMIT', quantity: 10, limitPrice: 180.5, timeInForce: 'DAY' })).toBe('BUY 10 AAPL LIMIT 180.5 DAY');
    expect(describeTicket({ instrument: 'AAPL', side: 'SELL', type: 'MARKET', quantity: 3, timeInForce: 'GTC' })).toBe('SELL 3 AAPL MARKET GTC');
    expect(describeTicket({ instrument: 'AAPL', side: 'SELL', type: 'STOP_LIMIT', quantity: 5, stopPrice: 170, limitPrice: 169.5 })).toBe(
      'SELL 5 AAPL STOP LIMIT stop 170 limit 169.5 DAY',
    );
  });

  it('describes trailing orders, display sizes and brackets too', () => {
    expect(describeTicket({ instrument: 'AAPL', side: 'SELL', type: 'TRAILING_STOP', quantity: 10, trail: { percent: 1.5 }, timeInForce: 'GTC' })).toBe(
      'SELL 10 AAPL TRAILING STOP trail 1.5% GTC',
    );
    expect(
      describeTicket({ instrument: 'AAPL', side: 'SELL', type: 'TRAILING_STOP_LIMIT', quantity: 10, trail: { amount: 2 }, stopPrice: 170, limitOffset: 0.1, displayQuantity: 5 }),
    ).toBe('SELL 10 AAPL TRAILING STOP LIMIT trail 2 from 170 offset 0.1 display 5 DAY');
    expect(
      describeTicket({
        instrument: 'AAPL',
        side: 'BUY',
        type: 'LIMIT',
        quantity: 10,
        limitPrice: 180.5,
        timeInForce: 'DAY',
        bracket: { takeProfit: { limitPrice: 190 }, stopLoss: { trail: { amount: 3 } } },
      }),
    ).toBe('BUY 10 AAPL LIMIT 180.5 DAY with take-profit 190 and stop-loss trail 3');
  });

  it('maps keys to actions, leaving letters alone while the symbol is typed', () => {
    expect(ticketKeyAction('Enter', 'text', false)).toBe('submit');
    expect(ticketKeyAction('Enter', 'field', false)).toBe('submit');
    expect(ticketKeyAction('Enter', 'button', false)).toBeNull();
    expect(ticketKeyAction('Escape', 'text', false)).toBe('clear');
    expect(ticketKeyAction('b', 'field', false)).toBe('buy');
    expect(ticketKeyAction('S', 'button', false)).toBe('sell');
    expect(ticketKeyAction('s', 'text', false)).toBeNull();
    expect(ticketKeyAction('b', 'field', true)).toBeNull();
    expect(ticketKeyAction('x', 'field', false)).toBeNull();
  });
});
