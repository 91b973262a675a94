import { describe, expect, it } from 'vitest';
import { tradingState } from '../../testing/tradingFixtures';
import type { ExecutionDto, PositionDto, TradingOrderDto, TradingStateDto } from '../../../core/ipc/contract/trading';
import { addExecution, appendLog, applyTradingEvent, markPosition, MAX_LOG, recordDone, upsertOpenOrder } from './tradingCache';

const order = (id: string, over: Partial<TradingOrderDto> = {}): TradingOrderDto => ({
  id,
  clientOrderRef: `ref-${id}`,
  instrument: 'SYN001',
  side: 'BUY',
  type: 'LIMIT',
  quantity: 10,
  limitPrice: 99,
  stopPrice: null,
  timeInForce: 'DAY',
  status: 'SUBMITTED',
  filledQuantity: 0,
  avgFillPrice: 0,
  commission: 0,
  statusReason: null,
  createdAt: 1,
  updatedAt: 1,
  extras: null,
  ...over,
});

const fill = (id: string): ExecutionDto => ({ id, orderId: 'o1', instrument: 'SYN001', side: 'BUY', quantity: 10, price: 99, commission: 1, ts: 5, referencePrice: 98.5, slippage: 5 });

const position: PositionDto = { instrument: 'SYN001', quantity: 10, avgCost: 100, marketPrice: 100, marketValue: 1000, unrealizedPnl: 0, realizedPnl: 3 };


describe('trading cache', () => {
  it('keeps working orders in place and drops them once final', () => {
    const list = [order('a'), order('b')];
    expect(upsertOpenOrder(list, order('b', { status: 'PARTIALLY_FILLED', filledQuantity: 4 })).map((o) => [o.id, o.filledQuantity])).toEqual([
      ['a', 0],
      ['b', 4],
    ]);
    expect(upsertOpenOrder(list, order('c', { status: 'PENDING' })).map((o) => o.id)).toEqual(['a', 'b', 'c']);
    // Acknowledged by the broker: still working, in the same place.
    expect(upsertOpenOrder(list, order('a', { status: 'ACCEPTED' })).map((o) => [o.id, o.status])).toEqual([
      ['a', 'ACCEPTED'],
      ['b', 'SUBMITTED'],
    ]);
    for (const status of ['FILLED', 'CANCELLED', 'REJECTED'] as const) {
      expect(upsertOpenOrder(list, order('a', { status })).map((o) => o.id)).toEqual(['b']);
    }
    expect(upsertOpenOrder(list, order('z', { status: 'FILLED' })).map((o) => o.id)).toEqual(['a', 'b']);
  });

  it('lists each execution once, newest first', () => {
    const once = addExecution([fill('e1')], fill('e2'));
    expect(once.map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(addExecution(once, fill('e1')).map((e) => e.id)).toEqual(['e2', 'e1']);
  });

  it('keeps the newest log entries only', () => {
    let log = [] as TradingStateDto['log'];
    for (let i = 0; i < MAX_LOG + 3; i++) log = appendLog(log, { ts: i, level: 'info', code: null, message: `m${i}` });
    expect(log).toHaveLength(MAX_LOG);
    expect(log[0].message).toBe('m3');
    expect(log.at(-1)?.message).toBe(`m${MAX_LOG + 2}`);
  });

  it('marks a position at the quote’s last price', () => {
    const q = { symbol: 'SYN001', last: 104, bid: 103.9, ask: 104.1, delayed: false, ts: 9 };
    expect(markPosition(position, q)).toEqual({ ...position, marketPrice: 104, marketValue: 1040, unrealizedPnl: 40 });
    const short = { ...position, quantity: -10, marketValue: -1000 };
    expect(markPosition(short, q).unrealizedPnl).toBe(-40);
    expect(markPosition(position, { ...q, symbol: 'OTHER' })).toBe(position);
    expect(markPosition(position, { ...q, last: null })).toBe(position);
    expect(markPosition(position, { ...q, last: 0 })).toBe(position);
  });

  it('applies each event to its part of the state', () => {
    const s0 = tradingState({ positions: [position], openOrders: [order('a')] });
    const quoted = applyTradingEvent(s0, 'trading.quote', { symbol: 'SYN001', last: 90, bid: null, ask: null, delayed: true, ts: 2 });
    expect(quoted.refetch).toBe(false);
    expect(quoted.state.positions[0].unrealizedPnl).toBe(-100);
    expect(quoted.state.quotes.map((q) => q.last)).toEqual([90]);

    const filled = applyTradingEvent(quoted.state, 'trading.order', order('a', { status: 'FILLED', filledQuantity: 10 }));
    expect(filled.state.openOrders).toEqual([]);
    const withFill = applyTradingEvent(filled.state, 'trading.fill', fill('e1'));
    expect(withFill.refetch).toBe(true);
    expect(withFill.state.executions.map((e) => e.id)).toEqual(['e1']);
    const account = { netLiquidation: 1, cash: 1, buyingPower: 2, dayPnl: null, grossExposure: 0, leverage: 0, unrealizedPnl: 0, realizedPnl: 0 };
    const withAccount = applyTradingEvent(withFill.state, 'trading.account', account);
    expect(withAccount).toEqual({ state: { ...withFill.state, account }, refetch: true });
    expect(s0.openOrders).toHaveLength(1);
  });

  it('asks for the whole state again when the connection becomes ready, not on every change', () => {
    const conn = tradingState().connection;
    const connecting = applyTradingEvent(tradingState(), 'trading.connection', { ...conn, state: 'connecting' });
    expect(connecting.refetch).toBe(false);
    const ready = applyTradingEvent(connecting.state, 'trading.connection', { ...conn, state: 'ready' });
    expect(ready.refetch).toBe(true);
    expect(ready.state.connection.state).toBe('ready');
    expect(applyTradingEvent(ready.state, 'trading.connection', { ...conn, state: 'ready', detail: 'farm ok' }).refetch).toBe(false);
  });

  it('leaves the state alone for events it does not show', () => {
    const s = tradingState();
    expect(applyTradingEvent(s, 'trading.historyProgress', { symbol: 'X', done: 1, total: 2 })).toEqual({ state: s, refetch: false });
  });
});

describe('done orders', () => {
  it('lists each ended order once, newest first, and ignores working ones', () => {
    let done = recordDone([], order('a', { status: 'CANCELLED' }));
    done = recordDone(done, order('b', { status: 'SUBMITTED' }));
    done = recordDone(done, order('e', { status: 'ACCEPTED' }));
    done = recordDone(done, order('c', { status: 'FILLED' }));
    done = recordDone(done, order('a', { status: 'CANCELLED', updatedAt: 9 }));
    expect(done.map((o) => o.id)).toEqual(['a', 'c']);
    expect(recordDone(done, order('d', { status: 'REJECTED' }), 2).map((o) => o.id)).toEqual(['d', 'a']);
  });
});
