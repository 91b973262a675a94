import type { OrderBook } from './orderBook';
import type { TrackedOrder } from './trackedOrder';

const EPS = 1e-9;

/** IB statuses of an order TWS has working (a held child stays PreSubmitted until its parent fills). */
const WORKING_AT_TWS = new Set(['PreSubmitted', 'Submitted']);

/**
 * An attached order (a bracket's exit, an OTO child) whose parent has not filled yet: TWS holds it
 * (reporting it PreSubmitted, like an untriggered stop), so here it stays SUBMITTED, not accepted.
 * It is held, too, until the parent's first fill has been announced, so listeners hear of that first.
 */
export function heldByParent(book: OrderBook, t: TrackedOrder): boolean {
  const parentId = t.order.extras?.link?.parentId;
  if (parentId === undefined || parentId === null) return false;
  const parent = book.get(parentId);
  return parent !== undefined && (parent.order.filledQuantity <= EPS || book.fillEventPending(parentId));
}

/** The orders attached to `parent`. */
export function childrenOf(book: OrderBook, parent: TrackedOrder): TrackedOrder[] {
  const listId = parent.order.extras?.link?.listId;
  if (listId === undefined) return [];
  return book.listMembers(listId).filter((c) => c.order.extras?.link?.parentId === parent.order.id);
}

/** A fill of `parentId` was announced: the attached orders TWS reported working are accepted now. */
export function releaseChildren(book: OrderBook, parentId: string): void {
  const parent = book.get(parentId);
  if (!parent) return;
  for (const c of childrenOf(book, parent)) {
    if (c.order.status === 'SUBMITTED' && c.link.ibStatus !== null && WORKING_AT_TWS.has(c.link.ibStatus)) {
      book.applyStatus(c, { status: 'ACCEPTED', reason: null });
    }
  }
}
