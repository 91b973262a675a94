import type {
  IbAccountValueMsg,
  IbCommissionMsg,
  IbCompletedOrderMsg,
  IbContractDetailsMsg,
  IbExecutionMsg,
  IbHistoricalBarMsg,
  IbOpenOrderMsg,
  IbOrderStatusMsg,
  IbPortfolioMsg,
  IbPositionMsg,
  IbRealTimeBarMsg,
} from '../parsing/schemas';

/** A TWS error or notice (error and info events alike), or an error the client library raised. */
export interface IbNotice {
  code: number;
  text: string;
  /** The order or request id it names; -1 for none. */
  id: number;
}

/** What the current session received, checked: the adapter's modules listen here, never on IBApi. */
export interface IbEvents {
  notice: IbNotice;
  nextValidId: number;
  orderStatus: IbOrderStatusMsg;
  openOrder: IbOpenOrderMsg;
  openOrderEnd: undefined;
  completedOrder: IbCompletedOrderMsg;
  completedOrdersEnd: undefined;
  execution: IbExecutionMsg;
  executionsEnd: number;
  commission: IbCommissionMsg;
  position: IbPositionMsg;
  positionEnd: undefined;
  accountValue: IbAccountValueMsg;
  portfolio: IbPortfolioMsg;
  accountDownloadEnd: undefined;
  historicalBar: IbHistoricalBarMsg;
  historicalEnd: number;
  tick: { reqId: number; field: number; value: number };
  marketDataType: { reqId: number; type: number };
  realTimeBar: IbRealTimeBarMsg;
  contractDetails: IbContractDetailsMsg;
  contractDetailsEnd: number;
}

type Listener<T> = (value: T) => void;

/**
 * A typed event hub. A listener that throws is reported and skipped: an exception must never
 * travel back into @stoqey/ib's socket handler, where nothing catches it.
 */
export class EventHub<E extends object> {
  private readonly listeners = new Map<keyof E, Set<Listener<never>>>();

  constructor(private readonly onListenerError: (event: string, err: unknown) => void) {}

  on<K extends keyof E>(event: K, listener: Listener<E[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends keyof E>(event: K, value: E[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const l of [...set]) {
      try {
        (l as Listener<E[K]>)(value);
      } catch (err) {
        this.onListenerError(String(event), err);
      }
    }
  }
}
