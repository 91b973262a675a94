import type { z } from 'zod';
import type { CancelAck, OrderListAck, OrderStatusReport, SubmitAck } from '../broker/BrokerInterface';
import type { Mode } from '../domain/enums';
import type { Fill, Order, OrderChanges, OrderRequest, Timestamp } from '../domain/order';
import type { OrderListRequest } from '../domain/orderList';
import type { AccountState } from '../domain/portfolio';
import type { AlgoAck, AlgoReport, AlgoRequest } from '../engine/algos/algoTypes';
import type { KernelEvent } from '../engine/kernel/commands';
import type { DataView } from '../sim/DataView';
import type { Targets } from './types';

/**
 * ctx.orders: a strategy's orders of every type and list, with any time in force. Every call is a
 * command to the kernel: it passes the same risk checks as any other order and is acknowledged at
 * once; what becomes of the order arrives later in onOrder and onFill.
 */
export interface StrategyOrders {
  submit(request: OrderRequest): SubmitAck;
  /** A bracket, OCO or OTO list (see OrderListRequest). */
  submitList(list: OrderListRequest): OrderListAck;
  modify(orderId: string, changes: OrderChanges): CancelAck;
  cancel(orderId: string): CancelAck;
  /** Cancels every working order, or those of one instrument. */
  cancelAll(instrument?: string): void;
  status(orderId: string): OrderStatusReport | undefined;
  /** Working orders (and those held for their parent), or those of one instrument. */
  open(instrument?: string): Order[];
  /** A TWAP, VWAP or POV parent order, sliced into child orders bar by bar (see AlgoRequest). */
  algo(request: AlgoRequest): AlgoAck;
  /** Stops a parent; its working child is cancelled. */
  cancelAlgo(algoId: string): boolean;
  /** A parent's arrival price, average fill, shortfall and completion so far. */
  algoReport(algoId: string): AlgoReport | undefined;
}

/** What a strategy sees and does, the same in a backtest, on paper and live. */
export interface StrategyContext<P = unknown> {
  /** The validated params (the schema's defaults filled in). */
  readonly params: P;
  /** The run's universe, in a fixed order. */
  readonly symbols: readonly string[];
  /** The market up to now, through the TimeMachine: later bars cannot be read. */
  readonly view: DataView;
  /** The clock: the session being decided in a backtest, the wall clock live. */
  now(): Timestamp;
  /** BACKTEST, PAPER or LIVE: a strategy learns the mode only by asking. */
  readonly mode: Mode;
  /** Signed quantities held (no entry for flat instruments). */
  readonly positions: ReadonlyMap<string, number>;
  position(symbol: string): number;
  account(): AccountState;
  readonly orders: StrategyOrders;
}

/** What onOrder receives: an order's events as the broker reports them, and the risk checks' refusals. */
export type StrategyOrderEvent = Exclude<KernelEvent, { type: 'AccountChanged' }>;

/**
 * A strategy as an object (strategy API v2): every hook is optional; state lives in the object.
 * Each run gets its own shallow copy of it, so create mutable state (Maps, Sets, arrays) in
 * onStart, not in the object literal, or two runs of one process would share it.
 */
export interface Strategy<P = unknown> {
  /** Validated before the run; the app renders the strategy's form from it. */
  params?: z.ZodType<P>;
  onStart?(ctx: StrategyContext<P>): void;
  /** At each session's close: may return target portfolios as a function strategy does, or nothing. */
  onBar?(ctx: StrategyContext<P>): Targets | null | undefined | void;
  onOrder?(event: StrategyOrderEvent, ctx: StrategyContext<P>): void;
  onFill?(fill: Fill, ctx: StrategyContext<P>): void;
  onEnd?(ctx: StrategyContext<P>): void;
}

/** A strategy object with its params already validated, ready for a run. */
export interface ObjectStrategy {
  kind: 'object';
  strategy: Strategy<unknown>;
  params: unknown;
  /** How errors name it: the module as the spec wrote it. */
  label: string;
}
