import { EventName, type IBApi } from '@stoqey/ib';

/** The parts of @stoqey/ib 1.6.10's internals the guard wraps (not public API: checked at run time). */
interface ControllerInternals {
  processIngressQueue: () => void;
  decoder: { drainQueue: () => void };
}

function controllerOf(api: IBApi): ControllerInternals {
  const c = (api as unknown as { controller?: Partial<ControllerInternals> }).controller;
  if (typeof c?.processIngressQueue !== 'function' || typeof c.decoder?.drainQueue !== 'function') {
    throw new Error('@stoqey/ib internals changed (controller.processIngressQueue / decoder.drainQueue): the decoder guard needs updating');
  }
  return c as ControllerInternals;
}

/** What a decode failure left behind: the error and the raw fields of the message that caused it. */
export interface DecodeFailure {
  error: unknown;
  fields: readonly string[] | null;
}

/**
 * Keeps a message the client library cannot decode from crashing the process. @stoqey/ib's decoder
 * rethrows anything but an underrun (e.g. JSON.parse of a malformed advancedOrderRejectJson in
 * ERR_MSG) out of the socket's data handler, where nothing catches it: the process dies, or the
 * frames behind it stay buffered. The guard wraps the ingress step: on a throw it drops the rest of
 * the failing message, reports it with the message's raw fields, and goes on with the next one.
 */
export function guardDecoder(api: IBApi, onFailure: (f: DecodeFailure) => void): void {
  const controller = controllerOf(api);
  const process = controller.processIngressQueue.bind(controller);
  let last: readonly string[] | null = null;
  api.on(EventName.received, (tokens: string[]) => {
    last = tokens;
  });
  controller.processIngressQueue = () => {
    // Each pass consumes at least the failing message, so this ends with the queue.
    for (;;) {
      try {
        process();
        return;
      } catch (error) {
        controller.decoder.drainQueue();
        onFailure({ error, fields: last });
      }
    }
  };
}

/** The id, code and text of a raw ERR_MSG (`4, version, id, code, text, json`), or null for another message. */
export function rawErrorMessage(fields: readonly string[] | null): { id: number; code: number; text: string } | null {
  if (!fields || fields[0] !== '4' || fields.length < 5) return null;
  const id = Number.parseInt(fields[2], 10);
  const code = Number.parseInt(fields[3], 10);
  if (!Number.isFinite(id) || !Number.isFinite(code)) return null;
  return { id, code, text: fields[4] };
}
