import type { IBApi } from '@stoqey/ib';

/**
 * Decides, when an order leaves the client library's message pacing for the socket, whether it
 * goes: false drops it (an order withdrawn while it waited never reaches TWS). Called with the IB
 * order id of every placeOrder (new orders and modifications alike).
 */
export type OutgoingGate = (ibOrderId: number) => boolean;

/** The part of @stoqey/ib 1.6.10's internals the gate wraps (not public API: checked at run time). */
interface SocketInternals {
  send: (tokens: unknown[]) => void;
}

const PLACE_ORDER = 3;

/**
 * Wraps the socket write behind @stoqey/ib's rate limiter: the one point where a message truly
 * leaves the process. A placeOrder is [3, orderId, ...] from server version 145 on (no version
 * field), nested in arrays the socket flattens itself.
 */
export function gateOutgoing(api: IBApi, gate: OutgoingGate): void {
  const socket = (api as unknown as { controller?: { socket?: Partial<SocketInternals> } }).controller?.socket;
  if (typeof socket?.send !== 'function') throw new Error('@stoqey/ib internals changed (controller.socket.send): the outgoing gate needs updating');
  const send = socket.send.bind(socket);
  socket.send = (tokens: unknown[]) => {
    const flat = tokens.flat(8);
    if (flat[0] === PLACE_ORDER && typeof flat[1] === 'number' && !gate(flat[1])) return;
    send(tokens);
  };
}
