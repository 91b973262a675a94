import type { Side } from '../../domain/enums';
import { decimalString } from './orderMapping';

/**
 * Alpaca's order kinds the domain does not have yet (issue 11 adds trailing stops and linked orders):
 * a trailing stop, and the order classes bracket (entry with take-profit and stop-loss legs), OCO
 * (take-profit and stop-loss for a position held) and OTO (entry with one exit leg). This is the
 * Alpaca side only: the request each becomes, and what Alpaca would refuse in it.
 */
export type Entry = { type: 'MARKET' } | { type: 'LIMIT'; limitPrice: number };
export interface TakeProfit {
  limitPrice: number;
}
export interface StopLoss {
  stopPrice: number;
  /** A stop-limit exit when set. */
  limitPrice?: number;
}

interface Common {
  instrument: string;
  side: Side;
  /** Whole shares: Alpaca takes no fractional trailing stops or linked orders. */
  quantity: number;
  timeInForce: 'DAY' | 'GTC';
}

export type AdvancedOrderSpec =
  | (Common & { kind: 'trailing_stop'; trail: { price: number } | { percent: number } })
  | (Common & { kind: 'bracket'; entry: Entry; takeProfit: TakeProfit; stopLoss: StopLoss })
  | (Common & { kind: 'oco'; takeProfit: TakeProfit; stopLoss: StopLoss })
  | (Common & { kind: 'oto'; entry: Entry; exit: { takeProfit: TakeProfit } | { stopLoss: StopLoss } });

/** POST /v2/orders for the kinds above, as Alpaca spells it. */
export interface AlpacaAdvancedBody {
  symbol: string;
  qty: string;
  side: 'buy' | 'sell';
  type: 'market' | 'limit' | 'trailing_stop';
  time_in_force: 'day' | 'gtc';
  client_order_id: string;
  order_class?: 'bracket' | 'oco' | 'oto';
  limit_price?: string;
  trail_price?: string;
  trail_percent?: string;
  take_profit?: { limit_price: string };
  stop_loss?: { stop_price: string; limit_price?: string };
}

const positive = (v: number) => Number.isFinite(v) && v > 0;

function stopLossBody(s: StopLoss): { stop_price: string; limit_price?: string } {
  return s.limitPrice === undefined ? { stop_price: decimalString(s.stopPrice) } : { stop_price: decimalString(s.stopPrice), limit_price: decimalString(s.limitPrice) };
}

/**
 * Why Alpaca would refuse the order, or null. A bracket's or OCO's exits must lie on either side of
 * the price they protect: for a buy, take-profit above the stop; for a sell, below it.
 */
export function advancedRefusal(s: AdvancedOrderSpec): string | null {
  if (!Number.isInteger(s.quantity) || s.quantity <= 0) return `${s.kind} orders take a positive whole quantity, got ${s.quantity}`;
  if (s.kind === 'trailing_stop') {
    if ('percent' in s.trail) return positive(s.trail.percent) && s.trail.percent < 100 ? null : `trail percent must be above 0 and below 100, got ${s.trail.percent}`;
    return positive(s.trail.price) ? null : `trail price must be positive, got ${s.trail.price}`;
  }
  if ((s.kind === 'bracket' || s.kind === 'oto') && s.entry.type === 'LIMIT' && !positive(s.entry.limitPrice)) return 'the entry needs a positive limit price';
  const tp = s.kind === 'oto' ? ('takeProfit' in s.exit ? s.exit.takeProfit : null) : s.takeProfit;
  const sl = s.kind === 'oto' ? ('stopLoss' in s.exit ? s.exit.stopLoss : null) : s.stopLoss;
  if (tp && !positive(tp.limitPrice)) return 'the take-profit needs a positive limit price';
  if (sl && !positive(sl.stopPrice)) return 'the stop-loss needs a positive stop price';
  if (sl?.limitPrice !== undefined && !positive(sl.limitPrice)) return 'the stop-loss limit price must be positive';
  if (tp && sl) {
    // An OCO closes a position: its side is the exit's, so a sell protects a long (take-profit above).
    const long = s.kind === 'oco' ? s.side === 'SELL' : s.side === 'BUY';
    if (long ? tp.limitPrice <= sl.stopPrice : tp.limitPrice >= sl.stopPrice) {
      return `the take-profit ${tp.limitPrice} must be ${long ? 'above' : 'below'} the stop-loss ${sl.stopPrice}`;
    }
  }
  return null;
}

/** The spec as Alpaca's order request under our client order ref. Throws with the reason when Alpaca would refuse it. */
export function advancedOrderBody(s: AdvancedOrderSpec, clientOrderId: string): AlpacaAdvancedBody {
  const refusal = advancedRefusal(s);
  if (refusal !== null) throw new Error(`${s.kind} order for ${s.instrument}: ${refusal}`);
  const base = {
    symbol: s.instrument,
    qty: decimalString(s.quantity),
    side: s.side === 'BUY' ? ('buy' as const) : ('sell' as const),
    time_in_force: s.timeInForce === 'DAY' ? ('day' as const) : ('gtc' as const),
    client_order_id: clientOrderId,
  };
  const entry = (e: Entry) => (e.type === 'MARKET' ? { type: 'market' as const } : { type: 'limit' as const, limit_price: decimalString(e.limitPrice) });
  switch (s.kind) {
    case 'trailing_stop':
      return { ...base, type: 'trailing_stop', ...('percent' in s.trail ? { trail_percent: decimalString(s.trail.percent) } : { trail_price: decimalString(s.trail.price) }) };
    case 'bracket':
      return { ...base, ...entry(s.entry), order_class: 'bracket', take_profit: { limit_price: decimalString(s.takeProfit.limitPrice) }, stop_loss: stopLossBody(s.stopLoss) };
    case 'oco':
      // Alpaca's OCO is a limit order (the take-profit) with its stop-loss leg.
      return {
        ...base,
        type: 'limit',
        limit_price: decimalString(s.takeProfit.limitPrice),
        order_class: 'oco',
        take_profit: { limit_price: decimalString(s.takeProfit.limitPrice) },
        stop_loss: stopLossBody(s.stopLoss),
      };
    case 'oto':
      return {
        ...base,
        ...entry(s.entry),
        order_class: 'oto',
        ...('takeProfit' in s.exit ? { take_profit: { limit_price: decimalString(s.exit.takeProfit.limitPrice) } } : { stop_loss: stopLossBody(s.exit.stopLoss) }),
      };
  }
}
