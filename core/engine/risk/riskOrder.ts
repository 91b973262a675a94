import type { OrderRequest } from '../../domain/order';
import type { RiskOrder } from './riskTypes';

/** The fields of a request the checks look at. */
export function riskOrderOf(r: OrderRequest): RiskOrder {
  return { instrument: r.instrument, side: r.side, type: r.type, quantity: r.quantity, limitPrice: r.limitPrice, stopPrice: r.stopPrice };
}
