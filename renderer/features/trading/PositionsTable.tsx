import type { PositionDto } from '../../../core/ipc/contract/trading';
import { fmtNumber } from '../../components/common/format';
import { EmptyNote, Panel } from './Panel';
import { fmtPnl, fmtPrice, fmtQty, pnlClass } from './tradingFormat';

/** Held positions, marked at the latest quote so their P&L moves with the market. */
export function PositionsTable({ positions, onPick }: { positions: readonly PositionDto[]; onPick: (symbol: string) => void }) {
  return (
    <Panel title="Positions" testId="positions" count={positions.length}>
      {positions.length === 0 ? (
        <EmptyNote>No position.</EmptyNote>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Symbol</th>
                <th className="num">Quantity</th>
                <th className="num">Avg cost</th>
                <th className="num">Market</th>
                <th className="num">Value</th>
                <th className="num">Unrealized P&amp;L</th>
                <th className="num">Realized P&amp;L</th>
              </tr>
            </thead>
            <tbody>
              {positions.map((p) => (
                <tr key={p.instrument} data-testid="position-row" data-symbol={p.instrument} className="is-clickable" title="Click to trade it" onClick={() => onPick(p.instrument)}>
                  <td className="cell-name">{p.instrument}</td>
                  <td className={`num ${p.quantity < 0 ? 'neg' : ''}`} data-testid="position-qty">
                    {fmtQty(p.quantity)}
                  </td>
                  <td className="num">{fmtPrice(p.avgCost)}</td>
                  <td className="num">{fmtPrice(p.marketPrice)}</td>
                  <td className="num">{fmtNumber(p.marketValue)}</td>
                  <td className={`num ${pnlClass(p.unrealizedPnl)}`} data-testid="position-upnl">
                    {fmtPnl(p.unrealizedPnl)}
                  </td>
                  <td className={`num ${pnlClass(p.realizedPnl)}`}>{fmtPnl(p.realizedPnl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
