import type { ExecutionDto } from '../../../core/ipc/contract/trading';
import { fmtNumber } from '../../components/common/format';
import { EmptyNote, Panel } from './Panel';
import { fmtClock, fmtPrice, fmtQty } from './tradingFormat';

/** Fills, newest first, each with its commission and its slippage against the quote at submission. */
export function ExecutionsTable({ executions }: { executions: readonly ExecutionDto[] }) {
  return (
    <Panel title="Executions" testId="executions" count={executions.length}>
      {executions.length === 0 ? (
        <EmptyNote>No execution yet.</EmptyNote>
      ) : (
        <div className="table-wrap trading-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>Time</th>
                <th>Symbol</th>
                <th>Side</th>
                <th className="num">Quantity</th>
                <th className="num">Price</th>
                <th className="num">Commission</th>
                <th className="num" title="Against the quote when the order was sent (ask for a buy, bid for a sell, else last); positive costs the trader">
                  Slippage
                </th>
                <th>Order</th>
              </tr>
            </thead>
            <tbody>
              {executions.map((e) => (
                <tr key={e.id} data-testid="execution-row" data-order-id={e.orderId} data-symbol={e.instrument}>
                  <td className="muted">{fmtClock(e.ts)}</td>
                  <td className="cell-name">{e.instrument}</td>
                  <td className={e.side === 'BUY' ? 'pos' : 'neg'}>{e.side}</td>
                  <td className="num">{fmtQty(e.quantity)}</td>
                  <td className="num" data-testid="execution-price">
                    {fmtPrice(e.price)}
                  </td>
                  <td className="num" data-testid="execution-commission">
                    {fmtNumber(e.commission)}
                  </td>
                  <td className="num" data-testid="execution-slippage" title={`reference ${fmtPrice(e.referencePrice)}`}>
                    {fmtNumber(e.slippage)}
                  </td>
                  <td className="mono muted">{e.orderId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
