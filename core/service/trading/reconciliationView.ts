import type { Order } from '../../domain/order';
import type { UnknownOrderDto } from '../../ipc/contract/trading';

export function unknownOrderDto(o: Order): UnknownOrderDto {
  return {
    orderId: o.id,
    clientOrderRef: o.clientOrderRef,
    instrument: o.instrument,
    side: o.side,
    quantity: o.quantity,
    detail: o.statusReason ?? 'sent, but the broker knows neither an open nor a completed order by its ref',
  };
}
