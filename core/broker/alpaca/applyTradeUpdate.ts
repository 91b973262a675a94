import type { AlpacaBook, AlpacaTracked } from './alpacaBook';
import type { TradeUpdate } from './schemas';

export interface TradeUpdateDeps {
  book: AlpacaBook;
  log: (level: 'info' | 'warning' | 'error', text: string) => void;
  /** Runs after the order's report was applied (a cancel waiting for the order's Alpaca id goes out). */
  afterReport: (t: AlpacaTracked) => void;
}

/**
 * One trade_updates frame applied to the book: the execution first (counted once by its identity, so
 * a duplicate or replayed frame adds nothing), then the order's report (status, ids). Frames about
 * orders this app did not place are logged and left alone: reconciliation reports them.
 */
export function applyTradeUpdate(u: TradeUpdate, d: TradeUpdateDeps): void {
  const a = u.order;
  const t = d.book.find(a.client_order_id, a.id) ?? (a.replaces ? d.book.find(null, a.replaces) : undefined);
  if (!t) {
    d.log('info', `trade update "${u.event}" for Alpaca order ${a.id} (${a.side} ${a.symbol}), which this app did not place`);
    return;
  }
  if (u.event === 'fill' || u.event === 'partial_fill') {
    const have = d.book.filledUnder(a.id);
    const quantity = u.qty ?? a.filled_qty - have;
    const price = u.price ?? a.filled_avg_price;
    const at = u.timestamp ? Date.parse(u.timestamp) : NaN;
    if (quantity > 0 && price !== null) {
      d.book.applyFill(t, { alpacaOrderId: a.id, cumulativeQty: a.filled_qty, quantity, price, timestamp: Number.isFinite(at) ? at : Date.now() });
    }
  }
  d.book.applyReport(t, a);
  d.afterReport(t);
}
