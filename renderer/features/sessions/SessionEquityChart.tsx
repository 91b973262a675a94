import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SessionDetailDto } from '../../../core/ipc/contract/sessions';
import { crosshairTooltipProps, plotFrameProps, timeXAxisProps, valueYAxisProps } from '../../components/charts/axisProps';
import { useChartPalette } from '../../components/charts/chartTheme';
import { PointTooltip, type TooltipField } from '../../components/charts/PointTooltip';
import { fmtCompact, timeAxis } from '../../components/charts/timeAxis';
import { fmtNumber } from '../../components/common/format';
import { curveRows, type CurveRow } from './sessionView';

const equityTick = (v: number): string => (Math.abs(v) < 1e6 ? fmtNumber(v, 0) : fmtCompact(v));

/**
 * The session's equity at each decision and its shadow backtest's over the same bars, on one chart:
 * where the lines part, live trading did something the backtest did not.
 */
export function SessionEquityChart({ curve }: { curve: SessionDetailDto['curve'] }) {
  const pal = useChartPalette();
  const rows = useMemo(() => curveRows(curve), [curve]);
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 1;
  const axis = useMemo(() => timeAxis(first, last, 8), [first, last]);
  const livePoints = rows.filter((r) => r.live !== null).length;
  const backtestPoints = rows.filter((r) => r.backtest !== null).length;
  const fields = useMemo<TooltipField<CurveRow>[]>(
    () => [
      { label: 'Live', value: (r) => fmtNumber(r.live), colour: pal.equity },
      { label: 'Shadow backtest', value: (r) => fmtNumber(r.backtest), colour: pal.accent },
      { label: 'Difference', value: (r) => (r.live !== null && r.backtest !== null ? fmtNumber(r.live - r.backtest) : '—') },
    ],
    [pal],
  );

  return (
    <section className="card" aria-labelledby="session-equity-title" data-testid="session-equity">
      <div className="card__head">
        <h2 id="session-equity-title">Equity: live vs backtest</h2>
        <span className="chart-legend">
          <span className="chart-legend__item" data-testid="legend-live">
            <span className="chart-legend__line" style={{ borderColor: pal.equity }} /> live
          </span>
          <span className="chart-legend__item" data-testid="legend-backtest">
            <span className="chart-legend__line chart-legend__line--dashed" style={{ borderColor: pal.accent }} /> shadow backtest
          </span>
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="muted" data-testid="session-equity-empty">
          No decision yet: the curves start with the session’s first decision.
        </p>
      ) : (
        <div className="chart" data-testid="session-equity-chart" data-live-points={livePoints} data-backtest-points={backtestPoints}>
          <LineChart data={rows} {...plotFrameProps(300)}>
            <CartesianGrid stroke={pal.grid} />
            <XAxis {...timeXAxisProps([first, last], axis, pal)} />
            <YAxis {...valueYAxisProps(pal, equityTick)} domain={['auto', 'auto']} />
            <Tooltip {...crosshairTooltipProps(pal)} content={(props) => <PointTooltip props={props} fields={fields} />} />
            <Line dataKey="live" name="live" stroke={pal.equity} strokeWidth={2} dot={rows.length < 60 ? { r: 2 } : false} isAnimationActive={false} connectNulls />
            {/* Dashed on top: where the two agree, both still show. */}
            <Line
              dataKey="backtest"
              name="backtest"
              stroke={pal.accent}
              strokeWidth={1.5}
              strokeDasharray="5 4"
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </div>
      )}
    </section>
  );
}
