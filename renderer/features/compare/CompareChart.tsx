import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { crosshairTooltipProps, plotFrameProps, timeXAxisProps, valueYAxisProps } from '../../components/charts/axisProps';
import { useChartPalette } from '../../components/charts/chartTheme';
import { PointTooltip, type TooltipField } from '../../components/charts/PointTooltip';
import { fmtAxisPct, timeAxis } from '../../components/charts/timeAxis';
import { fmtSignedPct } from '../../components/common/format';
import { valueDomain, valueTicks, type OverlayRow } from './compareData';

export interface CompareSeries {
  runId: string;
  name: string;
  colour: string;
}

/** Each run's equity as % return on its initial cash, overlaid on one time axis; both axes span exactly the runs' data. */
export function CompareChart({ rows, series }: { rows: readonly OverlayRow[]; series: readonly CompareSeries[] }) {
  const pal = useChartPalette();
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 1;
  const domain: [number, number] = [first, last];
  const axis = useMemo(() => timeAxis(first, last, 10), [first, last]);
  const yDomain = useMemo(() => valueDomain(rows, series.map((s) => s.runId)), [rows, series]);
  const yTicks = useMemo(() => valueTicks(yDomain), [yDomain]);
  const fields = useMemo<TooltipField<OverlayRow>[]>(
    () => series.map((s) => ({ label: s.name, value: (row: OverlayRow) => fmtSignedPct(row[s.runId]), colour: s.colour })),
    [series],
  );

  return (
    <div className="chart" data-testid="compare-chart">
      <LineChart data={rows as OverlayRow[]} {...plotFrameProps(340)}>
        <CartesianGrid stroke={pal.grid} />
        <XAxis {...timeXAxisProps(domain, axis, pal)} />
        <YAxis {...valueYAxisProps(pal, fmtAxisPct)} type="number" domain={yDomain} ticks={yTicks} allowDataOverflow />
        <Tooltip {...crosshairTooltipProps(pal)} content={(props) => <PointTooltip props={props} fields={fields} />} />
        <ReferenceLine y={0} stroke={pal.muted} strokeDasharray="4 3" />
        {series.map((s) => (
          <Line key={s.runId} dataKey={s.runId} name={s.name} stroke={s.colour} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls />
        ))}
      </LineChart>
    </div>
  );
}
