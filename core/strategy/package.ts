/**
 * What `import ... from 'tradedesk/strategy'` gives a strategy module outside the repository (see
 * package.json "exports"): the strategy API's types, zod for its params schema (the app's own copy,
 * so the schema it builds is one the app can read), and defineStrategy to have TypeScript infer the
 * params' type from that schema.
 */
import type { Strategy } from './api';

export { z } from 'zod';
export type { Strategy, StrategyContext, StrategyOrders, StrategyOrderEvent } from './api';
// A function strategy's module exports create(params, ctx): that ctx is a CreateContext here.
export type { PortfolioView, StrategyContext as CreateContext, StrategyFn, Targets } from './types';
export type { BarField, DataView, SymbolBars } from '../sim/DataView';
export type { Fill, Order, OrderChanges, OrderExtras, OrderLink, OrderRequest, Timestamp, Trail } from '../domain/order';
export type { OrderListRequest } from '../domain/orderList';
export type { Mode, OrderListKind, OrderRole, OrderStatus, OrderType, Side, TimeInForce } from '../domain/enums';
export type { AccountState } from '../domain/portfolio';
export type { AlgoAck, AlgoKind, AlgoReport, AlgoRequest, AlgoStatus } from '../engine/algos/algoTypes';
export type { CancelAck, OrderListAck, OrderStatusReport, SubmitAck } from '../broker/BrokerInterface';

/**
 * The strategy as it is, typed: its params schema fixes what ctx.params holds in every hook, and
 * its own fields (its state) are what `this` has in them.
 */
export function defineStrategy<P, S extends object>(strategy: Strategy<P> & S & ThisType<Strategy<P> & S>): Strategy<P> & S {
  return strategy;
}
