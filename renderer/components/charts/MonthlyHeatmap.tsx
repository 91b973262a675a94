import { useMemo } from 'react';
import { fmtSignedPct } from '../common/format';
import { heatCellText, heatColour, heatmapLayout, type MonthlyReturn, type YearlyReturn } from './heatmapLayout';
import './charts.css';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Years down, months across, each cell the month's return in percent, coloured by sign and size. */
export function MonthlyHeatmap({ monthly, yearly }: { monthly: readonly MonthlyReturn[]; yearly: readonly YearlyReturn[] }) {
  const layout = useMemo(() => heatmapLayout(monthly, yearly), [monthly, yearly]);
  return (
    <table className="heatmap" data-testid="monthly-heatmap">
      <thead>
        <tr>
          <th scope="col" />
          {MONTHS.map((m) => (
            <th key={m} scope="col">
              {m}
            </th>
          ))}
          <th scope="col">Year</th>
        </tr>
      </thead>
      <tbody>
        {layout.rows.map((row) => (
          <tr key={row.year} data-testid="heatmap-year">
            <th scope="row">{row.year}</th>
            {row.months.map((v, i) => (
              <td
                key={MONTHS[i]}
                data-testid={v === null ? undefined : 'heatmap-cell'}
                title={v === null ? undefined : `${MONTHS[i]} ${row.year}: ${fmtSignedPct(v)}`}
                style={{ background: heatColour(v, layout.scale) }}
              >
                {heatCellText(v)}
              </td>
            ))}
            <td className="heatmap__total" style={{ background: heatColour(row.total, layout.scale * 3) }}>
              {heatCellText(row.total)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
