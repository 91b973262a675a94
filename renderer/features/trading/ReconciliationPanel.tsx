import type { ReconciliationDifferenceDto, UnknownOrderDto } from '../../../core/ipc/contract/trading';
import { fmtDateTime } from '../../components/common/format';
import { Panel } from './Panel';
import { fmtQty } from './tradingFormat';

interface Props {
  unknownOrders: readonly UnknownOrderDto[];
  differences: readonly ReconciliationDifferenceDto[];
}

/**
 * What the last reconnection could not settle alone: orders sent but never acknowledged and not
 * found at the broker (never re-sent automatically: the trader checks TWS and decides), and where
 * the broker's records differed from ours. Hidden while there is nothing to tell.
 */
export function ReconciliationPanel({ unknownOrders, differences }: Props) {
  if (unknownOrders.length === 0 && differences.length === 0) return null;
  return (
    <Panel title="After reconnecting" testId="reconciliation" className="card--attention stack">
      {unknownOrders.length > 0 && (
        <>
          <p className="notice notice--warn">
            {unknownOrders.length === 1
              ? 'An order was sent but never acknowledged, and the broker does not know it. It is not sent again: check TWS before placing it again.'
              : `${unknownOrders.length} orders were sent but never acknowledged, and the broker does not know them. They are not sent again: check TWS before placing them again.`}
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
              </tr>
            </thead>
            <tbody>
              {differences.map((d, i) => (
                <tr key={`${d.ts}-${i}`} data-testid="difference-row">
                  <td className="muted">{fmtDateTime(d.ts)}</td>
                  <td>{d.kind}</td>
                  <td className="cell-name">{d.instrument ?? '—'}</td>
                  <td className="cell-wrap">{d.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
