import type { PlaceOrderRequest } from '../wire/requests';
import type { OrderTerms } from './orderChecks';

/** A checked placeOrder TWS holds without working it. */
export interface StagedOrder {
  req: PlaceOrderRequest;
  terms: OrderTerms;
}

const key = (clientId: number, orderId: number): string => `${clientId}:${orderId}`;

/**
 * Orders sent with transmit=0: TWS keeps them (they show with a Transmit button) and tells the API
 * nothing until an order of the same chain arrives with transmit=1, which transmits the parent and
 * every held child with it (IB's bracket pattern). In arrival order.
 */
export class StagedOrders {
  private readonly held = new Map<string, StagedOrder>();

  /** Holds `s`, replacing an earlier held version of the same id. */
  stage(clientId: number, s: StagedOrder): void {
    const k = key(clientId, s.req.orderId);
    this.held.delete(k);
    this.held.set(k, s);
  }

  has(clientId: number, orderId: number): boolean {
    return this.held.has(key(clientId, orderId));
  }

  take(clientId: number, orderId: number): StagedOrder | undefined {
    const k = key(clientId, orderId);
    const s = this.held.get(k);
    this.held.delete(k);
    return s;
  }

  /** Removes and returns the held children of `parentId`, oldest first. */
  takeChildren(clientId: number, parentId: number): StagedOrder[] {
    const out: StagedOrder[] = [];
    for (const [k, s] of this.held) {
      if (s.req.parentId === parentId && k.startsWith(`${clientId}:`)) {
        out.push(s);
        this.held.delete(k);
      }
    }
    return out;
  }

  /**
   * `self` arrives with transmit=1: the orders it sends on, parents first. A child takes its held
   * parent and held siblings with it; a parent its held children; any other order goes alone.
   */
  transmit(clientId: number, self: StagedOrder): StagedOrder[] {
    const req = self.req;
    this.take(clientId, req.orderId);
    if (req.parentId === 0) return [self, ...this.takeChildren(clientId, req.orderId)];
    const parent = this.take(clientId, req.parentId);
    return parent ? [parent, ...this.takeChildren(clientId, req.parentId), self] : [self];
  }

  clear(): void {
    this.held.clear();
  }
}
