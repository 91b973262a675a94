import type { BrokerEvent, BrokerEventType, BrokerListener } from '../events';

interface Subscriber {
  listener: BrokerListener;
  types: ReadonlySet<BrokerEventType> | null;
}

/** BrokerInterface.subscribe's listeners: each gets the event types it asked for; one that throws is reported, not fatal. */
export class BrokerEventBus {
  private readonly subscribers: Subscriber[] = [];

  constructor(private readonly onListenerError: (type: BrokerEventType, err: unknown) => void) {}

  subscribe(listener: BrokerListener, types?: readonly BrokerEventType[]): () => void {
    const sub: Subscriber = { listener, types: types ? new Set(types) : null };
    this.subscribers.push(sub);
    return () => {
      const i = this.subscribers.indexOf(sub);
      if (i >= 0) this.subscribers.splice(i, 1);
    };
  }

  emit(e: BrokerEvent): void {
    for (const s of [...this.subscribers]) {
      if (s.types && !s.types.has(e.type)) continue;
      try {
        s.listener(e);
      } catch (err) {
        this.onListenerError(e.type, err);
      }
    }
  }
}

/** A set of plain listeners (log, reconciliation reports) where one failing listener stops nobody. */
export class Listeners<T> {
  private readonly set = new Set<(v: T) => void>();

  add(listener: (v: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  publish(v: T): void {
    for (const l of [...this.set]) {
      try {
        l(v);
      } catch {
        // A listener's failure is its own; the adapter and the other listeners go on.
      }
    }
  }
}
