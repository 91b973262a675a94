import type { KillSwitchCancelDto } from '../../../core/ipc/contract/trading';
import { CANCEL_OUTCOME_LABELS } from './riskView';
import { fmtQty } from './tradingFormat';

/** The kill switch report per order: what the broker said about each cancel (folded: a burst can be long). */
export function KillSwitchOrders({ cancelled }: { cancelled: readonly KillSwitchCancelDto[] }) {
  return (
    <details className="kill-orders">
      <summary>Per order ({cancelled.length})</summary>
      <table className="table">
        <tbody>
          {cancelled.map((c) => (
            <tr key={c.orderId} data-testid="kill-order" data-order-id={c.orderId} data-outcome={c.outcome}>
              <td className="cell-name">{c.instrument}</td>
              <td className={c.side === 'BUY' ? 'pos' : 'neg'}>{c.side}</td>
              <td className="num">{fmtQty(c.quantity)}</td>
              <td>{CANCEL_OUTCOME_LABELS[c.outcome]}</td>
              <td className="cell-wrap muted">{c.detail ?? c.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
