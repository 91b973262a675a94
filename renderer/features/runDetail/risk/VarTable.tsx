import { fmtPct } from '../../../components/common/format';
import type { RiskReportDto } from '../../../../core/ipc/contract/risk';
import { fmtSigned, varRows } from './riskView';

type Figure = RiskReportDto['figures'][number];

function Cells({ f, testId }: { f: Figure | null; testId: string }) {
  const pct = (v: number | null | undefined) => fmtPct(v === null || v === undefined ? null : v * 100);
  return (
    <>
      <td className="num" data-testid={`${testId}-var`}>
        {pct(f?.var)} <span className="muted">{fmtSigned(f?.varMoney ?? null)}</span>
      </td>
      <td className="num" data-testid={`${testId}-es`}>
        {pct(f?.es)} <span className="muted">{fmtSigned(f?.esMoney ?? null)}</span>
      </td>
    </>
  );
}

/** Value at risk and expected shortfall, as a share of equity and in money (losses as positive numbers). */
export function VarTable({ figures }: { figures: RiskReportDto['figures'] }) {
  return (
    <table className="mini-table risk-table" data-testid="risk-var-table">
      <thead>
        <tr>
          <th>Method</th>
          <th className="num">VaR 1 day</th>
          <th className="num">ES 1 day</th>
          <th className="num">VaR 10 days</th>
          <th className="num">ES 10 days</th>
        </tr>
      </thead>
      <tbody>
        {varRows(figures).map((r) => (
          <tr key={r.key} data-testid={`risk-var-${r.key}`}>
            <td>{r.label}</td>
            <Cells f={r.oneDay} testId={`${r.key}-1d`} />
            <Cells f={r.tenDay} testId={`${r.key}-10d`} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
