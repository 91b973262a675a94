import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { fmtNumber, fmtSignedPct } from '../common/format';
import { crosshairTooltipProps, plotFrameProps, timeXAxisProps, valueYAxisProps } from './axisProps';
import { useChartPalette } from './chartTheme';
import { PointTooltip, type TooltipField } from './PointTooltip';
import { pointAt, type EquityPoint } from './seriesRows';
import { fmtCompact, timeAxis } from './timeAxis';
import './charts.css';

const SYNC_EVENTS = ['scroll', 'wheel'] as const;

export interface EquityChartProps {
  points: readonly EquityPoint[];
  /** Shared with the drawdown chart below so both read on the same time axis. */
  domain: [number, number];
  syncId: string;
  selectedTs: number | null;
  onPickDate: (ts: number) => void;
  height?: number;
}

/** Strategy equity over the buy-and-hold benchmark; a click picks that session. */
export function EquityChart({ points, domain, syncId, selectedTs, onPickDate, height = 280 }: EquityChartProps) {
  const pal = useChartPalette();
  const axis = useMemo(() => timeAxis(domain[0], domain[1], 10), [domain]);
  const hasBenchmark = useMemo(() => points.some((p) => p.benchmark !== null), [points]);
  const fields = useMemo<TooltipField<EquityPoint>[]>(
    () => [
      { label: 'Equity', value: (p) => fmtNumber(p.equity), colour: pal.equity },
      ...(hasBenchmark ? [{ label: 'Buy & hold', value: (p: EquityPoint) => fmtNumber(p.benchmark), colour: pal.benchmark }] : []),
      { label: 'Drawdown', value: (p) => fmtSignedPct(p.drawdownPct), colour: pal.down },
    ],
    [pal, hasBenchmark],
  );

  return (
    <div className="chart chart--clickable" data-testid="equity-chart">
      <LineChart
        data={points as EquityPoint[]}
        {...plotFrameProps(height)}
        syncId={syncId}
        cursor="crosshair"
        // Hover state updates at once (not on the next frame), so a quick click lands on the point under it.
        throttledEvents={SYNC_EVENTS}
        onClick={(state) => {
          const p = pointAt(points, state.activeIndex);
          if (p) onPickDate(p.t);
        }}
      >
        <CartesianGrid stroke={pal.grid} strokeDasharray="0" />
        <XAxis {...timeXAxisProps(domain, axis, pal)} />
        <YAxis {...valueYAxisProps(pal, fmtCompact)} domain={['auto', 'auto']} />
        <Tooltip
          {...crosshairTooltipProps(pal)}
          content={(props) => <PointTooltip props={props} fields={fields} footer={<div className="chart-tooltip__hint">click: positions on this date</div>} />}
        />
        {hasBenchmark && (
          <Line dataKey="benchmark" name="Buy & hold" stroke={pal.benchmark} strokeWidth={1} dot={false} activeDot={false} isAnimationActive={false} connectNulls />
        )}
        <Line dataKey="equity" name="Equity" stroke={pal.equity} strokeWidth={1.5} dot={false} activeDot={{ r: 3 }} isAnimationActive={false} />
        {selectedTs !== null && <ReferenceLine x={selectedTs} stroke={pal.accent} strokeDasharray="4 2" ifOverflow="hidden" />}
      </LineChart>
    </div>
  );
}
