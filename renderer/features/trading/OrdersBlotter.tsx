import { useState } from 'react';
import type { TradingOrderDto } from '../../../core/ipc/contract/trading';
import { ErrorNote } from '../../components/common/ErrorNote';
import { useDoneOrders } from './doneOrdersStore';
import type { LiveGuard } from './liveGuard';
import { describeChanges, type ModifyChanges } from './modifyModel';
import { linkLabel } from './orderDetails';
import { OrderRow } from './OrderRow';
import { ORDER_STATUS_VIEW } from './orderStatusView';
import { EmptyNote, Panel } from './Panel';
import { TYPE_LABELS } from './ticketModel';
import { useCancelOrder, useModifyOrder } from './tradingQueries';
import { fmtClock, fmtPrice, fmtQty } from './tradingFormat';

const HEAD = ['Time', 'Symbol', 'Side', 'Type', 'Quantity', 'Filled', 'Limit', 'Stop', 'Trail', 'TIF', 'Status'];
const NUMERIC = new Set(['Quantity', 'Filled', 'Limit', 'Stop', 'Trail']);

/** Working orders (cancel; modify quantity, prices and trail inline), then the orders that ended while the app was open. */
export function OrdersBlotter({ orders, guard }: { orders: readonly TradingOrderDto[]; guard: LiveGuard }) {
  const cancel = useCancelOrder();
  const modify = useModifyOrder();
  const done = useDoneOrders((s) => s.done);
  const [refusal, setRefusal] = useState<string | null>(null);
  const busy = cancel.isPending || modify.isPending;

  const onCancel = (o: TradingOrderDto): void => {
    setRefusal(null);
    cancel.mutate({ orderId: o.id }, { onSuccess: (r) => !r.accepted && setRefusal(`Order ${o.id} not cancelled: ${r.reason ?? 'refused'}`) });
  };
  const onModify = (o: TradingOrderDto, changes: ModifyChanges): void => {
    setRefusal(null);
    guard(`Modify order ${o.id} (${o.side} ${o.instrument}): ${describeChanges(changes)}`, (confirm) =>
      modify.mutate({ orderId: o.id, ...changes, confirm }, { onSuccess: (r) => !r.accepted && setRefusal(`Order ${o.id} not modified: ${r.reason ?? 'refused'}`) }),
    );
  };

  return (
    <Panel title="Open orders" testId="blotter" count={orders.length}>
      {refusal && (
        <div className="notice notice--error" role="alert" data-testid="blotter-refusal">
          {refusal}
        </div>
      )}
      <ErrorNote error={cancel.error ?? modify.error} />
      {orders.length === 0 ? (
        <EmptyNote testId="no-open-orders">No working order.</EmptyNote>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {HEAD.map((h) => (
                  <th key={h} className={NUMERIC.has(h) ? 'num' : undefined}>
                    {h}
                  </th>
                ))}
                <th className="cell-actions" aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <OrderRow key={o.id} order={o} busy={busy} onCancel={() => onCancel(o)} onModify={(c) => onModify(o, c)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {done.length > 0 && (
        <details className="done-orders" data-testid="done-orders">
          <summary className="muted">Ended in this session ({done.length})</summary>
          <div className="table-wrap trading-scroll">
            <table className="table">
              <tbody>
                {done.map((o) => (
                  <tr key={o.id} data-testid="done-order-row" data-order-id={o.id} data-status={o.status}>
                    <td className="muted">{fmtClock(o.updatedAt)}</td>
                    <td className="cell-name">{o.instrument}</td>
                    <td className={o.side === 'BUY' ? 'pos' : 'neg'}>{o.side}</td>
                    <td>
                      {TYPE_LABELS[o.type]}
                      {o.extras?.link && <span className="cell-sub">{linkLabel(o.extras.link)}</span>}
                    </td>
                    <td className="num">
                      {fmtQty(o.filledQuantity)} / {fmtQty(o.quantity)}
                    </td>
                    <td className="num">{o.filledQuantity > 0 ? `@ ${fmtPrice(o.avgFillPrice)}` : ''}</td>
                    <td>
                      <span className={`badge badge--order-${o.status.toLowerCase()}`} title={ORDER_STATUS_VIEW[o.status].hint}>
                        {ORDER_STATUS_VIEW[o.status].label}
                      </span>
                    </td>
                    <td className="cell-wrap muted">{o.statusReason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </Panel>
  );
}
