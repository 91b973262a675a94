import { fmtNumber, fmtPct, fmtSignedPct } from '../../../components/common/format';
import type { RiskReportDto } from '../../../../core/ipc/contract/risk';
import { fmtSigned } from './riskView';

/** Symbols listed by weight; a 500-name book would bury the rest of the report. */
const LISTED = 20;

/** Gross, net, long and short exposure, the largest symbols' weights, and how concentrated the book is. */
export function ExposurePanel({ exposures, concentration }: Pick<RiskReportDto, 'exposures' | 'concentration'>) {
  const rows = [
    ['Gross', exposures.gross, exposures.grossPct],
    ['Net', exposures.net, exposures.netPct],
    ['Long', exposures.long, exposures.longPct],
    ['Short', exposures.short, exposures.shortPct],
  ] as const;
  return (
    <div className="risk-grid">
      <table className="mini-table" data-testid="risk-exposure">
        <thead>
          <tr>
            <th>Exposure</th>
            <th className="num">Value</th>
            <th className="num">% of equity</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, v, pct]) => (
            <tr key={label}>
              <td>{label}</td>
              <td className="num">{fmtSigned(v)}</td>
              <td className="num">{fmtPct(pct * 100, 1)}</td>
            </tr>
          ))}
          <tr>
            <td>Herfindahl index</td>
            <td className="num" data-testid="risk-herfindahl">{fmtNumber(concentration.herfindahl, 3)}</td>
            <td className="num muted">≈ {fmtNumber(concentration.effectivePositions, 1)} equal positions</td>
          </tr>
          <tr>
            <td>Largest {concentration.top.length} of gross</td>
            <td />
            <td className="num">{fmtPct(concentration.topShare * 100, 1)}</td>
          </tr>
        </tbody>
      </table>
      {exposures.bySymbol.length === 0 ? (
        <p className="muted">Flat on that session: no positions.</p>
      ) : (
        <table className="mini-table" data-testid="risk-by-symbol">
          <thead>
            <tr>
              <th>Symbol</th>
              <th className="num">Quantity</th>
              <th className="num">Market value</th>
              <th className="num">Weight</th>
            </tr>
          </thead>
          <tbody>
            {exposures.bySymbol.slice(0, LISTED).map((s) => (
              <tr key={s.symbol}>
                <td>{s.symbol}</td>
                <td className="num">{fmtSigned(s.quantity, Number.isInteger(s.quantity) ? 0 : 4)}</td>
                <td className="num">{fmtSigned(s.marketValue)}</td>
                <td className="num">{fmtSignedPct(s.weight * 100, 1)}</td>
              </tr>
            ))}
          </tbody>
          {exposures.bySymbol.length > LISTED && (
            <tfoot>
              <tr>
                <td colSpan={4} className="muted" data-testid="risk-by-symbol-more">
                  and {exposures.bySymbol.length - LISTED} smaller positions
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </div>
  );
}
