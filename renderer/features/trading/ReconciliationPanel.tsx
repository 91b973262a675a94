import type { ReconciliationDifferenceDto, UnknownOrderDto } from '../../../core/ipc/contract/trading';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtDateTime } from '../../components/common/format';
import { Panel } from './Panel';
import { fmtQty } from './tradingFormat';
import { useAcknowledgeDifference } from './tradingQueries';

const KIND_LABEL: Record<ReconciliationDifferenceDto['kind'], string> = {
  position: 'Position',
  unknown_order: 'Order unknown at the broker',
  external_order: 'Order not placed here',
  unseen_fill: 'Fill not seen here',
};

interface Props {
  unknownOrders: readonly UnknownOrderDto[];
  differences: readonly ReconciliationDifferenceDto[];
}

/**
 * What reconciling with the broker could not settle alone: orders sent but never acknowledged and
 * not found at the broker (never re-sent automatically: the trader checks TWS and decides), and
 * every difference between the broker's records and ours, listed until the trader acknowledges it.
 * Hidden while there is nothing to tell.
 */
export function ReconciliationPanel({ unknownOrders, differences }: Props) {
  const ack = useAcknowledgeDifference();
  if (unknownOrders.length === 0 && differences.length === 0) return null;
  return (
    <Panel
      title="Differences with the broker"
      testId="reconciliation"
      className="card--attention stack"
      actions={
        differences.length > 0 && (
          <span className="badge badge--order-rejected" data-testid="differences-badge">
            {differences.length === 1 ? '1 to review' : `${differences.length} to review`}
          </span>
        )
      }
    >
      {unknownOrders.length > 0 && (
        <>
          <p className="notice notice--warn">
            {unknownOrders.length === 1
              ? 'An order was sent but never acknowledged, and the broker does not know it. It is not sent again: check it at the broker (TWS, Alpaca) before placing it again.'
              : `${unknownOrders.length} orders were sent but never acknowledged, and the broker does not know them. They are not sent again: check them at the broker (TWS, Alpaca) before placing them again.`}
          </p>
          <div className="table-wrap">
            <table className="table" data-testid="unknown-orders">
              <thead>
                <tr>
                  <th>Order</th>
                  <th>Ref</th>
                  <th>Symbol</th>
                  <th>Side</th>
                  <th className="num">Quantity</th>
                  <th>What is known</th>
                </tr>
              </thead>
              <tbody>
                {unknownOrders.map((o) => (
                  <tr key={o.orderId} data-testid="unknown-order-row">
                    <td className="mono">{o.orderId}</td>
                    <td className="mono muted">{o.clientOrderRef}</td>
                    <td className="cell-name">{o.instrument}</td>
                    <td>{o.side}</td>
                    <td className="num">{fmtQty(o.quantity)}</td>
                    <td className="cell-wrap">{o.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {differences.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="reconciliation-differences">
            <thead>
              <tr>
                <th>Time</th>
                <th>Kind</th>
                <th>Symbol</th>
                <th>Difference</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {differences.map((d) => (
                <tr key={d.id} data-testid="difference-row">
                  <td className="muted">{fmtDateTime(d.ts)}</td>
                  <td>{KIND_LABEL[d.kind]}</td>
                  <td className="cell-name">{d.instrument ?? '—'}</td>
                  <td className="cell-wrap">{d.detail}</td>
                  <td>
                    <button type="button" className="btn btn--small" disabled={ack.isPending} onClick={() => ack.mutate({ id: d.id })} data-testid="difference-ack">
                      Acknowledge
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorNote error={ack.error} what="The difference could not be acknowledged" />
    </Panel>
  );
}
