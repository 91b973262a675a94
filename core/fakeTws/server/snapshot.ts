import type { FakeTwsState } from '../index';
import type { Exchange } from '../market/exchange';
import type { Market } from '../market/market';
import { isWorking } from '../model';

/** A plain copy of the fake's orders, executions, positions and cash, for test assertions. */
export function snapshotOf(exchange: Exchange, market: Market, accountId: string): FakeTwsState {
  const p = exchange.portfolio;
  return {
    accountId,
    marketTime: market.time,
    orders: exchange.orders.map((o) => ({
      clientId: o.clientId,
      orderId: o.orderId,
      permId: o.permId,
      orderRef: o.orderRef,
      symbol: o.instrument.symbol,
      action: o.action,
      orderType: o.orderType,
      totalQuantity: o.totalQuantity,
      lmtPrice: o.lmtPrice,
      auxPrice: o.auxPrice,
      trailingPercent: o.trailingPercent,
      trailStopPrice: o.trailStopPrice,
      lmtPriceOffset: o.lmtPriceOffset,
      displaySize: o.displaySize,
      tif: o.tif,
      parentId: o.parentId,
      ocaGroup: o.ocaGroup,
      ocaType: o.ocaType,
      held: o.awaitingParent,
      status: o.status,
      filled: o.filled,
      remaining: isWorking(o.status) ? o.totalQuantity - o.filled : 0,
      avgFillPrice: o.avgFillPrice,
      commission: o.commission,
    })),
    executions: exchange.executions.map((e) => ({
      execId: e.execId,
      orderId: e.order.orderId,
      clientId: e.order.clientId,
      permId: e.order.permId,
      orderRef: e.order.orderRef,
      symbol: e.order.instrument.symbol,
      side: e.side,
      shares: e.shares,
      price: e.price,
      commission: e.commission,
      time: e.time,
    })),
    positions: exchange.tradedInstruments().map((inst) => ({
      symbol: inst.symbol,
      quantity: p.qty[inst.index],
      avgCost: p.avgCost[inst.index],
    })),
    cash: p.cash,
    netLiquidation: p.equity,
  };
}
