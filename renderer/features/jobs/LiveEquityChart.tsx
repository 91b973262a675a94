import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { crosshairTooltipProps, plotFrameProps, timeXAxisProps, valueYAxisProps } from '../../components/charts/axisProps';
import { useChartPalette } from '../../components/charts/chartTheme';
import { PointTooltip, type TooltipField } from '../../components/charts/PointTooltip';
import { fmtCompact, timeAxis } from '../../components/charts/timeAxis';
import { fmtNumber } from '../../components/common/format';
import { useThrottled } from '../../components/common/useThrottled';
import { thinSeries, type LiveSeries } from '../../stores/liveEquityStore';

/** Equity stays near the initial cash early in a run: compact labels (10k, 10k, 10k) would all read the same. */
const equityTick = (v: number): string => (Math.abs(v) < 1e6 ? fmtNumber(v, 0) : fmtCompact(v));

/** The chart redraws at most this often and with at most this many points, however fast the run reports. */
const REDRAW_MS = 300;
const DRAWN_POINTS = 800;

interface LivePoint {
  t: number;
  equity: number;
}

/** The equity curve as the engine computes it; the x axis spans the whole run so it draws left to right. */
export function LiveEquityChart({ series, initialCash, domain }: { series: LiveSeries; initialCash: number | null; domain: [number, number] | null }) {
  const pal = useChartPalette();
  const shown = useThrottled(series, REDRAW_MS);
  const points = useMemo<LivePoint[]>(() => {
    const thin = thinSeries(shown, DRAWN_POINTS);
    return thin.ts.map((t, i) => ({ t, equity: thin.equity[i] }));
  }, [shown]);
  const spanFrom = domain?.[0] ?? points[0]?.t ?? 0;
  const spanTo = domain?.[1] ?? points[points.length - 1]?.t ?? 1;
  const span: [number, number] = [spanFrom, spanTo];
  const axis = useMemo(() => timeAxis(spanFrom, spanTo, 8), [spanFrom, spanTo]);
  const fields = useMemo<TooltipField<LivePoint>[]>(() => [{ label: 'Equity', value: (p) => fmtNumber(p.equity), colour: pal.equity }], [pal]);
  const last = points[points.length - 1];
  const colour = last && initialCash !== null && last.equity < initialCash ? pal.down : pal.equity;

  return (
    <div className="chart" data-testid="live-equity-chart" data-points={points.length}>
      <LineChart data={points} {...plotFrameProps(200)}>
        <CartesianGrid stroke={pal.grid} />
        <XAxis {...timeXAxisProps(span, axis, pal)} />
        <YAxis {...valueYAxisProps(pal, equityTick)} domain={['auto', 'auto']} />
        <Tooltip {...crosshairTooltipProps(pal)} content={(props) => <PointTooltip props={props} fields={fields} />} />
        {initialCash !== null && <ReferenceLine y={initialCash} stroke={pal.muted} strokeDasharray="4 3" />}
        <Line dataKey="equity" stroke={colour} strokeWidth={1.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
