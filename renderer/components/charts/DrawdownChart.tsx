import { useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { fmtSignedPct } from '../common/format';
import { crosshairTooltipProps, plotFrameProps, timeXAxisProps, valueYAxisProps } from './axisProps';
import { useChartPalette } from './chartTheme';
import { PointTooltip, type TooltipField } from './PointTooltip';
import type { EquityPoint } from './seriesRows';
import { drawdownAxis } from './drawdownAxis';
import { fmtAxisPct, timeAxis } from './timeAxis';
import './charts.css';

export interface DrawdownChartProps {
  points: readonly EquityPoint[];
  domain: [number, number];
  syncId: string;
  selectedTs: number | null;
  height?: number;
}

/** Underwater curve: percent below the running peak, drawn under the equity chart on its time axis. */
export function DrawdownChart({ points, domain, syncId, selectedTs, height = 130 }: DrawdownChartProps) {
  const pal = useChartPalette();
  const axis = useMemo(() => timeAxis(domain[0], domain[1], 10), [domain]);
  const yAxis = useMemo(() => drawdownAxis(points.reduce((min, p) => Math.min(min, p.drawdownPct), 0)), [points]);
  const fields = useMemo<TooltipField<EquityPoint>[]>(
    () => [{ label: 'Drawdown', value: (p) => fmtSignedPct(p.drawdownPct), colour: pal.down }],
    [pal],
  );

  return (
    <div className="chart" data-testid="drawdown-chart">
      <AreaChart data={points as EquityPoint[]} {...plotFrameProps(height, 4)} syncId={syncId}>
        <CartesianGrid stroke={pal.grid} />
        <XAxis {...timeXAxisProps(domain, axis, pal)} />
        <YAxis {...valueYAxisProps(pal, fmtAxisPct)} domain={yAxis.domain} ticks={yAxis.ticks} interval={0} />
        <Tooltip
          {...crosshairTooltipProps(pal)}
          content={(props) => <PointTooltip props={props} fields={fields} />}
        />
        <Area
          dataKey="drawdownPct"
          name="Drawdown"
          baseValue={0}
          stroke={pal.down}
          strokeWidth={1}
          fill={pal.down}
          fillOpacity={0.25}
          dot={false}
          activeDot={{ r: 2 }}
          isAnimationActive={false}
        />
        {selectedTs !== null && <ReferenceLine x={selectedTs} stroke={pal.accent} strokeDasharray="4 2" ifOverflow="hidden" />}
      </AreaChart>
    </div>
  );
}
