import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { crosshairTooltipProps, plotFrameProps, timeXAxisProps, valueYAxisProps } from '../../../components/charts/axisProps';
import { useChartPalette } from '../../../components/charts/chartTheme';
import { PointTooltip } from '../../../components/charts/PointTooltip';
import { fmtAxisPct, timeAxis } from '../../../components/charts/timeAxis';
import { fmtPct, fmtRatio, fmtSignedPct, withMinus } from '../../../components/common/format';
import type { RiskReportDto } from '../../../../core/ipc/contract/risk';
import { rollingRows } from './riskView';

type Row = ReturnType<typeof rollingRows>[number];

interface Plot {
  key: 'volatilityPct' | 'sharpe' | 'drawdownPct';
  title: string;
  axis: (v: number) => string;
  value: (r: Row) => string;
}

const PLOTS: readonly Plot[] = [
  { key: 'volatilityPct', title: 'Volatility (annualised)', axis: fmtAxisPct, value: (r) => fmtPct(r.volatilityPct) },
  { key: 'sharpe', title: 'Sharpe', axis: (v) => withMinus(v.toFixed(1)), value: (r) => fmtRatio(r.sharpe) },
  { key: 'drawdownPct', title: 'Max drawdown in window', axis: fmtAxisPct, value: (r) => fmtSignedPct(r.drawdownPct) },
];

/** Rolling volatility, Sharpe and drawdown over the report's window, on one time axis. */
export function RollingCharts({ rolling, sessions }: { rolling: RiskReportDto['rolling']; sessions: number }) {
  const pal = useChartPalette();
  const rows = useMemo(() => rollingRows(rolling), [rolling]);
  const first = rows[0];
  const last = rows.at(-1);
  const domain = useMemo<[number, number]>(() => [first?.t ?? 0, last?.t ?? 1], [first, last]);
  const axis = useMemo(() => timeAxis(domain[0], domain[1], 8), [domain]);
  if (rows.length === 0) return <p className="muted">Too few sessions for a {sessions}-session rolling window.</p>;
  return (
    <div className="risk-rolling" data-testid="risk-rolling">
      {PLOTS.map((p) => (
        <div key={p.key} className="chart">
          <h3 className="side-card__sub">
            {p.title} · {sessions} sessions
          </h3>
          <LineChart data={rows} {...plotFrameProps(120, 4)} syncId="risk-rolling">
            <CartesianGrid stroke={pal.grid} />
            <XAxis {...timeXAxisProps(domain, axis, pal)} />
            <YAxis {...valueYAxisProps(pal, p.axis)} />
            <Tooltip {...crosshairTooltipProps(pal)} content={(props) => <PointTooltip<Row> props={props} fields={[{ label: p.title, value: p.value, colour: pal.equity }]} />} />
            <Line dataKey={p.key} stroke={p.key === 'drawdownPct' ? pal.down : pal.equity} dot={false} isAnimationActive={false} connectNulls={false} />
          </LineChart>
        </div>
      ))}
    </div>
  );
}
