import type { OrderBook } from '../book/orderBook';
import type { FakeAlpacaState } from '../types';
import type { AlpacaAsset } from '../model';

/** The fake's orders, fills, positions and cash as plain data, for tests and GET /_fake/state. */
export function stateOf(book: OrderBook, assets: readonly AlpacaAsset[], marketTime: number): FakeAlpacaState {
  const p = book.portfolio;
  return {
    marketTime,
    cash: p.cash,
    equity: p.equity,
    buyingPower: book.buyingPower(),
    orders: book.orders.map((o) => ({
      id: o.id,
      clientOrderId: o.clientOrderId,
      symbol: o.asset.symbol,
      side: o.side,
      type: o.type,
      timeInForce: o.tif,
      orderClass: o.orderClass,
      qty: o.qty,
      notional: o.notional,
      limitPrice: o.limitPrice,
      stopPrice: o.stopPrice,
      status: o.status,
      filledQty: o.filledQty,
      filledAvgPrice: o.filledAvgPrice,
      parentId: o.parentId,
      replaces: o.replaces,
      replacedBy: o.replacedBy,
    })),
    positions: assets
      .filter((a) => p.qty[a.index] !== 0)
      .map((a) => ({ symbol: a.symbol, qty: p.qty[a.index], avgEntryPrice: p.avgCost[a.index] })),
    fills: book.fills.map((f) => ({
      id: f.id,
      orderId: f.order.id,
      clientOrderId: f.order.clientOrderId,
      symbol: f.order.asset.symbol,
      side: f.order.side,
      qty: f.qty,
      price: f.price,
      time: f.time,
    })),
  };
}
