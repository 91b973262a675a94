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
