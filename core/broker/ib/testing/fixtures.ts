import type { Order } from '../../../domain/order';
import { NO_LINK } from '../orders/commandDeps';
import type { IbOrderLink } from '../orders/trackedOrder';

/** A working GTC limit order to buy 10 AAA at 10, for unit tests. */
export function sampleOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'o1',
    clientOrderRef: 'ref-o1',
    instrument: 'AAA',
    side: 'BUY',
    type: 'LIMIT',
    quantity: 10,
    limitPrice: 10,
    stopPrice: null,
    timeInForce: 'GTC',
    createdAt: 1,
    mode: 'PAPER',
    metadata: null,
    extras: null,
    status: 'SUBMITTED',
    filledQuantity: 0,
    avgFillPrice: 0,
    commission: 0,
    triggered: false,
    statusReason: null,
    updatedAt: 1,
    ...overrides,
  };
}

/** The link of an order sent by client 7 as IB order 3 (not yet acknowledged). */
export function sampleLink(overrides: Partial<IbOrderLink> = {}): IbOrderLink {
  return { ...NO_LINK, account: 'DU1', clientId: 7, ibOrderId: 3, conId: 42, ...overrides };
}
