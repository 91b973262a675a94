import type { Emit } from './contract';

export type EventListener = (event: string, payload: unknown) => void;

/** Fans the engine's pushed events out to every connected transport. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  readonly emit: Emit = (event, payload) => {
    for (const l of this.listeners) l(event, payload);
  };

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
