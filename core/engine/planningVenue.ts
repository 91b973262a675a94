import type { Side } from '../domain/enums';
import type { OrderRequest } from '../domain/order';
import type { Portfolio } from './portfolio';

/**
 * What the planner needs of a broker to turn target portfolios into orders: the account as a
 * Portfolio it can mark at sizing prices, the fee schedule and tick grid fills print on, the
 * instruments and what works already, and a way to send a planned order by instrument number. The
 * simulator is one; a live broker's is built from its positions, account and quotes.
 */
export interface PlanningVenue {
  readonly portfolio: Portfolio;
  readonly commission: { freshFee(side: Side, quantity: number, price: number): number };
  /** Instrument numbers run from 0 to this, exclusive, in the portfolio's order. */
  readonly instrumentCount: number;
  indexOf(symbol: string): number;
  /** The price grid instrument `inst` fills on (0: none). */
  tickSizeOf(inst: number): number;
  /** Whether every instrument trades now. */
  allTrading(): boolean;
  /** Signed remaining quantity of working orders per instrument. */
  pendingQuantities(): Map<string, number>;
  /** Cancels every working order. */
  cancelAll(reason: string): void;
}

/**
 * Where planned orders go: `submitOrderAt` sends one for instrument number `inst` and returns null,
 * or why it was refused. An object, not a function, so the call stays one monomorphic method call
 * (the simulator's own, or the kernel's when it checks them first).
 */
export interface PlannedOrders {
  submitOrderAt(request: OrderRequest, inst: number): string | null;
}
