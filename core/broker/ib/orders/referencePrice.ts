import type { Side } from '../../../domain/enums';
import type { Quote } from '../types';

/** The price an order's fills are measured against: the quote it meets (ask for a buy, bid for a sell), else the last. */
export function referencePriceOf(side: Side, q: Quote | null): number | null {
  if (!q) return null;
  return (side === 'BUY' ? q.ask : q.bid) ?? q.last;
}

/**
 * A fill's reference price and slippage cost in currency, positive when worse for the trader (as the
 * simulator records it). Without a reference (no quote at submission) the fill is its own reference.
 */
export function slippageOf(reference: number | null, side: Side, price: number, quantity: number): { referencePrice: number; slippage: number } {
  if (reference === null) return { referencePrice: price, slippage: 0 };
  return { referencePrice: reference, slippage: (side === 'BUY' ? price - reference : reference - price) * quantity };
}
