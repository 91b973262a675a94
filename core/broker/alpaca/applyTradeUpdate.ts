import type { AlpacaBook, AlpacaTracked } from './alpacaBook';
import type { OrphanUpdates } from './orphanUpdates';
import type { TradeUpdate } from './schemas';

export interface TradeUpdateDeps {
  book: AlpacaBook;
  /** Frames of orders not known (yet): a leg's may come before the answer that links it. */
  orphans: OrphanUpdates;
  log: (level: 'info' | 'warning' | 'error', text: string) => void;
  /** Runs after the order's report was applied (a cancel waiting for the order's Alpaca id goes out, an iceberg's next slice). */
  afterReport: (t: AlpacaTracked) => void;
}

function orderOf(u: TradeUpdate, book: AlpacaBook): AlpacaTracked | undefined {
  const a = u.order;
  return book.find(a.client_order_id, a.id) ?? (a.replaces ? book.find(null, a.replaces) : undefined);
}

/**
 * One trade_updates frame applied to the book: the execution first (counted once by its identity, so
 * a duplicate or replayed frame adds nothing), then the order's report (status, ids, legs). Frames about
 * orders the book does not know are kept a while (see OrphanUpdates) and applied once their order is
 * linked; reconciliation reports the ones this app did not place.
 */
export function applyTradeUpdate(u: TradeUpdate, d: TradeUpdateDeps): void {
  const a = u.order;
  const t = orderOf(u, d.book);
  if (!t) {
    d.orphans.keep(u);
    d.log('info', `trade update "${u.event}" for Alpaca order ${a.id} (${a.side} ${a.symbol}), which the app does not know (yet)`);
    return;
  }
  d.book.bind(t, a);
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
  applyAdopted(d);
}

/** Applies the kept frames whose order the book now knows (its legs were just linked). */
export function applyAdopted(d: TradeUpdateDeps): void {
  for (const u of d.orphans.takeKnown((x) => orderOf(x, d.book) !== undefined)) applyTradeUpdate(u, d);
}
