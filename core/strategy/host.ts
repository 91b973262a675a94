import type { BrokerInterface } from '../broker/BrokerInterface';
import type { Timestamp } from '../domain/order';
import type { AlgoEngine } from '../engine/algos/algoEngine';
import type { KernelEvent } from '../engine/kernel/commands';
import type { Kernel } from '../engine/kernel/kernel';
import type { DataView } from '../sim/DataView';
import type { ObjectStrategy, Strategy, StrategyContext, StrategyOrders } from './api';
import { checkTargets } from './checkTargets';
import { StrategyError } from './strategyError';
import type { PortfolioView, StrategyFn, Targets } from './types';

/**
 * The kernel's strategy host: runs a strategy the same way in every mode. A function strategy is
 * asked for targets at each close; a strategy object gets its hooks, ctx.orders, and the events of
 * the run's orders.
 */
export interface StrategyHost {
  start(): void;
  /** At the close of session `asOf`: the target portfolio to plan, or null. */
  bar(asOf: Timestamp): Targets | null;
  end(): void;
  /** Whether orders went out through ctx.orders since the last call (a same_close run matches them at this close). */
  takeSubmitted(): boolean;
}

export interface HostDeps {
  kernel: Kernel;
  algos: AlgoEngine;
  broker: BrokerInterface;
  view: DataView;
  portfolio: PortfolioView;
  symbols: readonly string[];
  now: () => Timestamp;
}

/** A function strategy: asked at each close, nothing else. */
export function functionHost(fn: StrategyFn, d: Pick<HostDeps, 'view' | 'portfolio'>): StrategyHost {
  return {
    start() {},
    bar: (asOf) => {
      try {
        return fn(asOf, d.view, d.portfolio);
      } catch (err) {
        throw new StrategyError(asOf, err);
      }
    },
    end() {},
    takeSubmitted: () => false,
  };
}

/** A strategy object: a shallow copy per run, its hooks called with one ctx, errors named by hook and session. */
export function objectHost(s: ObjectStrategy, d: HostDeps): StrategyHost {
  const strategy: Strategy<unknown> = { ...s.strategy };
  const universe = new Set(d.symbols);
  let submitted = false;
  // A broker may answer for one instrument or ignore the filter: the result is narrowed here either way.
  const open = (instrument?: string) => d.broker.getOpenOrders(instrument).filter((o) => instrument === undefined || o.instrument === instrument);
  const orders: StrategyOrders = {
    submit(request) {
      submitted = true;
      return d.kernel.submitOrder(request, 'strategy');
    },
    submitList(list) {
      submitted = true;
      return d.kernel.submitOrderList(list, 'strategy');
    },
    modify: (orderId, changes) => d.kernel.modifyOrder(orderId, changes, 'strategy'),
    cancel: (orderId) => d.kernel.cancelOrder(orderId),
    cancelAll(instrument) {
      for (const o of open(instrument)) d.kernel.cancelOrder(o.id);
    },
    status: (orderId) => d.broker.getOrderStatus(orderId),
    open,
    algo: (request) => d.algos.submit(request),
    cancelAlgo: (algoId) => d.algos.cancel(algoId),
    algoReport: (algoId) => d.algos.report(algoId),
  };
  const ctx: StrategyContext<unknown> = {
    params: s.params,
    symbols: d.symbols,
    view: d.view,
    now: d.now,
    mode: d.broker.mode,
    positions: d.portfolio.positions,
    position: (symbol) => d.portfolio.positions.get(symbol) ?? 0,
    account: () => d.broker.getAccountState(),
    orders,
  };
  const call = <R>(hook: string, fn: () => R): R => {
    try {
      return fn();
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      throw new StrategyError(d.now(), new Error(`${s.label} ${hook}: ${msg}`, { cause: err }));
    }
  };
  const onOrder = strategy.onOrder;
  const onFill = strategy.onFill;
  // Order events cost the simulator their construction: only a strategy that handles them subscribes.
  if (onOrder !== undefined || onFill !== undefined) {
    d.kernel.subscribe((e: KernelEvent) => {
      if (e.type === 'AccountChanged') return;
      if (onOrder !== undefined) call('onOrder', () => onOrder.call(strategy, e, ctx));
      if (onFill !== undefined && (e.type === 'OrderFilled' || e.type === 'OrderPartiallyFilled')) call('onFill', () => onFill.call(strategy, e.fill, ctx));
    });
  }
  return {
    start() {
      if (strategy.onStart !== undefined) call('onStart', () => strategy.onStart?.(ctx));
    },
    bar(asOf) {
      if (strategy.onBar === undefined) return null;
      const value: unknown = call('onBar', () => strategy.onBar?.(ctx));
      if (value === undefined) return null;
      try {
        return checkTargets(value, universe);
      } catch (err) {
        throw new StrategyError(asOf, new Error(`${s.label} onBar returned bad targets: ${(err as Error).message}`, { cause: err }));
      }
    },
    end() {
      if (strategy.onEnd !== undefined) call('onEnd', () => strategy.onEnd?.(ctx));
    },
    takeSubmitted() {
      const was = submitted;
      submitted = false;
      return was;
    },
  };
}
