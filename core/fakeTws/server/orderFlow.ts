import { isWorking, type FakeExecution, type FakeOrder } from '../model';
import { completedOrderMessage, openOrderMessage, orderStatusMessage } from '../wire/orderMessages';
import type { ExecutionFilterRequest } from '../wire/requests';
import {
  commissionReportMessage,
  completedOrdersEndMessage,
  execDetailsEndMessage,
  execDetailsMessage,
  openOrderEndMessage,
} from '../wire/serverMessages';
import { parseIbDateTime } from '../wire/values';
import type { FaultState, TwsContext } from './context';
import type { Session } from './session';

/** Sessions that see an order's events: its own client, and client 0 when auto-bound. */
export function sessionsFor(ctx: TwsContext, clientId: number): Session[] {
  return [...ctx.sessions].filter((s) => s.ready && (s.clientId === clientId || (s.clientId === 0 && s.autoBind)));
}

export function sendOrderState(s: Session, o: FakeOrder): void {
  s.send(openOrderMessage(o, s.version));
  s.send(orderStatusMessage(o));
}

/** A live fill: execDetails (reqId -1), openOrder, orderStatus, commissionReport, shaped by the armed faults. */
export function sendFill(s: Session, e: FakeExecution, faults: FaultState): void {
  const copies = faults.duplicateExecDetails ? 2 : 1;
  for (let i = 0; i < copies; i++) s.send(execDetailsMessage(-1, e, s.version));
  s.send(openOrderMessage(e.order, s.version));
  if (!faults.fillsWithoutOrderStatus) s.send(orderStatusMessage(e.order));
  for (let i = 0; i < copies; i++) s.send(commissionReportMessage(e));
}

/** reqOpenOrders (this client's) or reqAllOpenOrders (everyone's): each working order, then the end marker. */
export function sendOpenOrders(ctx: TwsContext, s: Session, all: boolean): void {
  for (const o of ctx.exchange.working()) if (all || o.clientId === s.clientId) sendOrderState(s, o);
  s.send(openOrderEndMessage());
}

export function sendCompletedOrders(ctx: TwsContext, s: Session): void {
  for (const o of ctx.exchange.orders) if (!isWorking(o.status)) s.send(completedOrderMessage(o, s.version));
  s.send(completedOrdersEndMessage());
}

/** IB's ExecutionFilter: empty (or clientId 0) fields match everything; time is "at or after". */
export function executionMatcher(filter: ExecutionFilterRequest): ((e: FakeExecution) => boolean) | string {
  const since = filter.time === '' ? Number.NEGATIVE_INFINITY : parseIbDateTime(filter.time);
  if (Number.isNaN(since)) return `execution filter time "${filter.time}" is not yyyyMMdd-HH:mm:ss`;
  const side = filter.side.toUpperCase();
  const sideCode = side === 'BUY' ? 'BOT' : side === 'SELL' ? 'SLD' : side;
  const secType = filter.secType.toUpperCase();
  return (e) =>
    (filter.clientId === null || filter.clientId === 0 || e.order.clientId === filter.clientId) &&
    (filter.acctCode === '' || e.order.account === filter.acctCode) &&
    (filter.symbol === '' || e.order.instrument.symbol.toUpperCase() === filter.symbol.toUpperCase()) &&
    (secType === '' || secType === 'STK') &&
    (sideCode === '' || e.side === sideCode) &&
    // Execution times travel with whole seconds: compare at that resolution.
    Math.floor(e.time / 1000) * 1000 >= since;
}

export function sendExecutions(ctx: TwsContext, s: Session, reqId: number, filter: ExecutionFilterRequest): void {
  const match = executionMatcher(filter);
  if (typeof match === 'string') {
    s.error(reqId, 321, `Error validating request:-'bh' : cause - ${match}`);
  } else {
    for (const e of ctx.exchange.executions) {
      if (!match(e)) continue;
      s.send(execDetailsMessage(reqId, e, s.version));
      s.send(commissionReportMessage(e));
    }
  }
  s.send(execDetailsEndMessage(reqId));
}
