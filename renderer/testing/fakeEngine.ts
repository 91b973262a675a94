import { ApiClient } from '../../core/ipc/client';
import { methods, type Handlers, type MethodInput, type MethodName } from '../../core/ipc/contract';
import { ApiError } from '../../core/ipc/errors';
import { EventBus } from '../../core/ipc/eventBus';
import { createInProcessTransport } from '../../core/ipc/inProcessTransport';
import { createRouter } from '../../core/ipc/router';

export interface FakeCall {
  method: MethodName;
  input: unknown;
}

export interface FakeEngine {
  client: ApiClient;
  bus: EventBus;
  /** Every call that reached a handler, in order, with its validated input. */
  calls: FakeCall[];
  /** Answers a handler gave that the contract refused; a test asserts there are none. */
  contractErrors: string[];
  /** Methods the screen called that the test did not serve. */
  unserved: MethodName[];
  inputsOf<M extends MethodName>(method: M): MethodInput<M>[];
}

/**
 * An engine for component tests: the handlers a test supplies behind the real router (which checks
 * every input and answer against the contract) and the in-process transport, so a fake answer that
 * drifts from the contract fails the test instead of passing it.
 */
export function createFakeEngine(handlers: Partial<Handlers>): FakeEngine {
  const calls: FakeCall[] = [];
  const contractErrors: string[] = [];
  const unserved: MethodName[] = [];
  // Every method of the contract gets a handler; Object.fromEntries loses the per-method types, hence the cast.
  const served = Object.fromEntries(
    (Object.keys(methods) as MethodName[]).map((name) => {
      const handler = handlers[name] as ((input: unknown) => unknown) | undefined;
      return [
        name,
        (input: unknown) => {
          if (!handler) {
            unserved.push(name);
            throw new ApiError('NOT_FOUND', `${name} is not served by this test's engine`);
          }
          calls.push({ method: name, input });
          return handler(input);
        },
      ];
    }),
  ) as unknown as Handlers;
  const router = createRouter(served, { logError: (method, err) => contractErrors.push(`${method}: ${String(err)}`) });
  const bus = new EventBus();
  return {
    client: new ApiClient(createInProcessTransport(router, bus)),
    bus,
    calls,
    contractErrors,
    unserved,
    inputsOf: <M extends MethodName>(method: M) => calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>),
  };
}
