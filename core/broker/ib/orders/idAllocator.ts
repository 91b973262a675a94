/**
 * Request ids (market data, history, executions, account summary, contract lookups) live at and above
 * this number and order ids below it, so an error naming an id can never be routed to the wrong one.
 */
export const REQUEST_ID_BASE = 1_000_000_000;
const INT32_MAX = 2_147_483_647;

export function isRequestId(id: number): boolean {
  return id >= REQUEST_ID_BASE;
}

/**
 * IB order ids: `max(local, nextValidId, highest seen + 1)`, never lowered. TWS can roll nextValidId
 * back after a restart (ids written just before a crash never reached it), so the ids this client
 * already used, from the store, are the floor.
 */
export class OrderIdAllocator {
  private next: number;

  constructor(highestUsed: number) {
    this.next = Math.max(1, highestUsed + 1);
  }

  /** Starts over for another client id, above the highest id it used before. */
  reset(highestUsed: number): void {
    this.next = Math.max(1, highestUsed + 1);
  }

  observeNextValidId(id: number): void {
    this.next = Math.max(this.next, id);
  }

  observeUsed(id: number): void {
    this.next = Math.max(this.next, id + 1);
  }

  take(): number {
    if (this.next >= REQUEST_ID_BASE) throw new Error(`IB order id ${this.next} reached the request id range`);
    return this.next++;
  }
}

/** Request ids, counting up from REQUEST_ID_BASE and wrapping before int32 overflows. */
export class RequestIds {
  private next = REQUEST_ID_BASE;

  take(): number {
    const id = this.next;
    this.next = id >= INT32_MAX ? REQUEST_ID_BASE : id + 1;
    return id;
  }
}
