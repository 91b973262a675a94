import { ApiError } from './errors';
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from './contract';
import type { CallResult } from './wire';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Carries calls and events; knows nothing of the contract. */
export interface Transport {
  request(method: string, input: unknown): Promise<CallResult>;
  /** Every pushed event, in arrival order. */
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  onState(listener: (state: ConnectionState) => void): () => void;
  readonly state: ConnectionState;
  close(): void;
}

/** The typed face of a transport: a wrong method name, input or result type does not compile. */
export class ApiClient {
  constructor(readonly transport: Transport) {}

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const res = await this.transport.request(method, input);
    if (!res.ok) throw new ApiError(res.error.code, res.error.message);
    // The engine validated the answer against the same contract before sending it.
    return res.value as MethodOutput<M>;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.transport.onEvent((name, payload) => {
      if (name === event) listener(payload as EventPayload<E>);
    });
  }
}
