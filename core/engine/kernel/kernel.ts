import type { BrokerInterface, CancelAck, OrderListAck, SubmitAck } from '../../broker/BrokerInterface';
import type { BrokerEvent } from '../../broker/events';
import type { PlannerConfig, SimulatorConfig } from '../../config/simulatorSchema';
import type { OrderChanges, OrderRequest } from '../../domain/order';
import { changedRequest } from '../../domain/changedRequest';
import { orderListMembers, type OrderListRequest } from '../../domain/orderList';
import type { Targets } from '../../strategy/types';
import { placeTargets, type PriceAt } from '../placeTargets';
import type { PlannedOrders, PlanningVenue } from '../planningVenue';
import type { Clock } from '../risk/riskTypes';
import type { KernelAck, KernelCommand, KernelEvent, KernelListener, OrderDenied, OrderSource } from './commands';
import type { RiskGate } from './riskGate';

/** A broker that can also take a planned order by instrument number, with no lookup (the simulator). */
export interface NumberedBroker extends BrokerInterface {
  submitOrderAt(request: OrderRequest, inst: number): string | null;
}

export interface KernelOptions {
  broker: BrokerInterface | NumberedBroker;
  /** What the planner reads and marks: the broker's account as a portfolio; null where no target portfolio is planned (manual trading). */
  venue: PlanningVenue | null;
  clock: Clock;
  /** The pre-trade checks; null when nothing is configured to check. */
  risk: RiskGate | null;
  /** Told of every refusal, to record it where the mode records them (a backtest's executed_actions, the live actions log). */
  onDenied?: (denied: OrderDenied) => void;
}

const numbered = (b: BrokerInterface | NumberedBroker): b is NumberedBroker => 'submitOrderAt' in b;

/**
 * The trading kernel: every order of every mode (a strategy's, the planner's, an algorithm's, the
 * trader's) comes in as a command, passes the same risk checks and goes to whatever broker the
 * kernel was given; what becomes of it comes back out as the broker's events, plus OrderDenied for
 * what the checks refused. The kernel holds no mode: a backtest gives it the simulator and a
 * historical clock, a live session a broker adapter and the wall clock.
 */
export class Kernel {
  private readonly broker: BrokerInterface | NumberedBroker;
  private readonly venue: PlanningVenue | null;
  private readonly onDenied: ((denied: OrderDenied) => void) | null;
  private readonly clock: Clock;
  private readonly risk: RiskGate | null;
  private readonly listeners: KernelListener[] = [];
  private unsubscribe: (() => void) | null = null;
  /** Where planned orders go: straight to the broker by number when nothing is checked, else through the checks. */
  private readonly planned: PlannedOrders;

  constructor(o: KernelOptions) {
    this.broker = o.broker;
    this.venue = o.venue;
    this.clock = o.clock;
    this.risk = o.risk;
    this.onDenied = o.onDenied ?? null;
    const b = o.broker;
    this.planned = o.risk === null && numbered(b) ? b : { submitOrderAt: (request) => this.plannedRefusal(request) };
  }

  /** Carries out one command; each kind also has its own method below. */
  execute<C extends KernelCommand>(cmd: C): KernelAck<C>;
  execute(cmd: KernelCommand): SubmitAck | OrderListAck | CancelAck {
    switch (cmd.type) {
      case 'SubmitOrder':
        return this.submitOrder(cmd.request, cmd.source);
      case 'SubmitOrderList':
        return this.submitOrderList(cmd.list, cmd.source);
      case 'CancelOrder':
        return this.broker.cancelOrder(cmd.orderId);
      case 'ModifyOrder':
        return this.modifyOrder(cmd.orderId, cmd.changes, cmd.source);
    }
  }

  submitOrder(request: OrderRequest, source: OrderSource): SubmitAck {
    const why = this.refusal(request, source);
    if (why !== null) return { accepted: false, orderId: '', clientOrderRef: request.clientOrderRef ?? '', reason: why };
    const ack = this.broker.submitOrder(request);
    if (!ack.accepted) this.risk?.brokerRejected(`${request.instrument}: ${ack.reason ?? 'rejected'}`);
    return ack;
  }

  /** A list passes the checks member by member, and is denied whole when one fails. */
  submitOrderList(list: OrderListRequest, source: OrderSource): OrderListAck {
    for (const m of orderListMembers(list)) {
      const why = this.refusal(m.request, source);
      if (why !== null) return { accepted: false, listId: '', orders: [], reason: `${m.role.toLowerCase()}: ${why}` };
    }
    return this.broker.submitOrderList(list);
  }

  cancelOrder(orderId: string): CancelAck {
    return this.broker.cancelOrder(orderId);
  }

  /** A modification is checked as the order it makes. */
  modifyOrder(orderId: string, changes: OrderChanges, source: OrderSource): CancelAck {
    if (this.risk !== null) {
      const o = this.broker.getOpenOrders().find((w) => w.id === orderId);
      if (o !== undefined) {
        // What is left of the order after the change: the part the checks have not yet passed as filled.
        const changed = changedRequest(o, changes);
        const why = this.refusal({ ...changed, quantity: changed.quantity - o.filledQuantity }, source, orderId);
        if (why !== null) return { accepted: false, orderId, reason: why };
      }
    }
    return this.broker.modifyOrder(orderId, changes);
  }

  /**
   * The planner's route: turns a target portfolio into orders sized at `priceAt` and sends them
   * (see placeTargets). Returns the targets of instruments that cannot trade now, or null.
   */
  placeTargets(targets: Targets, priceAt: PriceAt, sim: SimulatorConfig, planner: PlannerConfig, only?: ReadonlySet<string>): Map<string, number> | null {
    return placeTargets(this.planningVenue(), this.planned, targets, priceAt, sim, planner, only);
  }

  /** The account the planner sizes from; a kernel built for manual trading has none. */
  planningVenue(): PlanningVenue {
    if (this.venue === null) throw new Error('this kernel plans no target portfolios: it was given no planning venue');
    return this.venue;
  }

  /** A planned order through the checks: null, or why it was refused. */
  private plannedRefusal(request: OrderRequest): string | null {
    const ack = this.submitOrder(request, 'planner');
    return ack.accepted ? null : (ack.reason ?? 'refused');
  }

  /** Events out; the kernel listens to its broker only while someone listens to it. */
  subscribe(listener: KernelListener): () => void {
    this.listeners.push(listener);
    if (this.unsubscribe === null) this.unsubscribe = this.broker.subscribe((e: BrokerEvent) => this.emit(e));
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
      if (this.listeners.length === 0 && this.unsubscribe !== null) {
        this.unsubscribe();
        this.unsubscribe = null;
      }
    };
  }

  private refusal(request: OrderRequest, source: OrderSource, replacing?: string): string | null {
    // The engine's own liquidations (close_at_end, a margin call) must go out whatever the limits say.
    if (this.risk === null || source === 'engine') return null;
    const why = this.risk.refusal(request, replacing);
    if (why === null) return null;
    const denied: OrderDenied = { type: 'OrderDenied', request, source, reason: `risk: ${why}`, at: this.clock() };
    this.onDenied?.(denied);
    this.emit(denied);
    return denied.reason;
  }

  private emit(e: KernelEvent): void {
    for (const l of this.listeners) l(e);
  }
}
