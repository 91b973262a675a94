import type { BrokerInterface } from '../broker/BrokerInterface';
import type { OrderRequest } from '../domain/order';
import type { OrderListRequest } from '../domain/orderList';

/**
 * The broker as a session's kernel sees it: every order the session sends gets the next of its own
 * client order refs (`refFor`, told of each request it names), so the session's orders can be told from the trader's by their
 * ref alone, and a ref is never reused. Everything else goes straight through.
 */
export function stampedBroker(broker: BrokerInterface, refFor: (request: OrderRequest) => string): BrokerInterface {
  const stamp = (r: OrderRequest): OrderRequest => (r.clientOrderRef === undefined ? { ...r, clientOrderRef: refFor(r) } : r);
  const stampList = (list: OrderListRequest): OrderListRequest => {
    switch (list.kind) {
      case 'BRACKET':
        return { ...list, entry: stamp(list.entry), takeProfit: stamp(list.takeProfit), stopLoss: stamp(list.stopLoss) };
      case 'OCO':
        return { ...list, orders: list.orders.map(stamp) };
      case 'OTO':
        return { ...list, parent: stamp(list.parent), children: list.children.map(stamp) };
    }
  };
  return {
    get mode() {
      return broker.mode;
    },
    submitOrder: (r) => broker.submitOrder(stamp(r)),
    submitOrders: (rs) => broker.submitOrders(rs.map(stamp)),
    submitOrderList: (list) => broker.submitOrderList(stampList(list)),
    modifyOrder: (id, changes) => broker.modifyOrder(id, changes),
    cancelOrder: (id) => broker.cancelOrder(id),
    cancelOrders: (ids) => broker.cancelOrders(ids),
    getOrderStatus: (id) => broker.getOrderStatus(id),
    getOrderStatuses: (ids) => broker.getOrderStatuses(ids),
    getOpenOrders: (instrument) => broker.getOpenOrders(instrument),
    getFills: (since) => broker.getFills(since),
    getPositions: () => broker.getPositions(),
    getAccountState: () => broker.getAccountState(),
    sync: () => broker.sync(),
    subscribe: (listener, types) => broker.subscribe(listener, types),
  };
}
