import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { crosshairTooltipProps, plotFrameProps, timeXAxisProps, valueYAxisProps } from '../../components/charts/axisProps';
import { useChartPalette } from '../../components/charts/chartTheme';
import { PointTooltip, type TooltipField } from '../../components/charts/PointTooltip';
import { fmtCompact, timeAxis } from '../../components/charts/timeAxis';
import { fmtNumber } from '../../components/common/format';
import type { WalkForwardDetail } from '../../../core/ipc/contract/research';
import { inSampleKey, OOS_KEY, walkChartRows, type WalkChartRow } from './walkForwardView';

const equityTick = (v: number): string => (Math.abs(v) < 1e6 ? fmtNumber(v, 0) : fmtCompact(v));

/** In-sample curves alternate between two quiet colours so neighbouring windows stay apart. */
const IN_SAMPLE_COLOURS = ['#787b86', '#9598a1'];

/** The tooltip's lines at a point: the stitched curve, and only the in-sample curves that pass there. */
function fieldsAt(fields: readonly TooltipField<WalkChartRow>[], point: unknown): TooltipField<WalkChartRow>[] {
  if (!point) return [...fields];
  const row = point as WalkChartRow;
  return fields.filter((f, i) => i === 0 || f.value(row) !== '');
}

/**
 * The stitched out-of-sample equity (what trading the chosen parameters window by window earned)
 * drawn bold over each window's in-sample equity (dashed, faint): the gap between them is the
 * optimism of fitting. Faint vertical lines mark where each out-of-sample window starts.
 */
export function WalkForwardChart({ detail }: { detail: WalkForwardDetail }) {
  const pal = useChartPalette();
  const rows = useMemo(() => walkChartRows(detail), [detail]);
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 1;
  const axis = useMemo(() => timeAxis(first, last, 10), [first, last]);
  const fields = useMemo<TooltipField<WalkChartRow>[]>(
    () => [
      { label: 'Out-of-sample', value: (r) => fmtNumber(r[OOS_KEY]), colour: pal.equity },
      ...detail.windows.map((w) => ({
        label: `In-sample, window ${w.index + 1}`,
        value: (r: WalkChartRow) => (r[inSampleKey(w.index)] === undefined ? '' : fmtNumber(r[inSampleKey(w.index)])),
        colour: IN_SAMPLE_COLOURS[w.index % 2],
      })),
    ],
    [detail.windows, pal],
  );

  return (
    <section className="card" aria-labelledby="wf-chart-title">
      <div className="card__head">
        <h2 id="wf-chart-title">Equity</h2>
        <span className="chart-legend">
          <span className="chart-legend__item">
            <span className="chart-legend__line" style={{ borderColor: pal.equity }} /> stitched out-of-sample
          </span>
          <span className="chart-legend__item">
            <span className="chart-legend__line chart-legend__line--dashed" style={{ borderColor: IN_SAMPLE_COLOURS[0] }} /> in-sample, per window
          </span>
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="muted" data-testid="wf-chart-empty">
          No window has finished yet.
        </p>
      ) : (
        <div className="chart" data-testid="wf-stitched-chart" data-points={detail.stitched.ts.length} data-windows={detail.windows.length}>
          <LineChart data={rows} {...plotFrameProps(340)}>
            <CartesianGrid stroke={pal.grid} />
            <XAxis {...timeXAxisProps([first, last], axis, pal)} />
            <YAxis {...valueYAxisProps(pal, equityTick)} domain={['auto', 'auto']} />
            <Tooltip {...crosshairTooltipProps(pal)} content={(props) => <PointTooltip props={props} fields={fieldsAt(fields, props.payload?.[0]?.payload)} />} />
            {detail.windows.map((w) => (
              <ReferenceLine key={`oos-${w.index}`} x={w.outOfSampleStart} stroke={pal.grid} strokeDasharray="2 4" />
            ))}
            {detail.windows.map((w) => (
              <Line
                key={w.index}
                dataKey={inSampleKey(w.index)}
                stroke={IN_SAMPLE_COLOURS[w.index % 2]}
                strokeWidth={1}
                strokeDasharray="4 3"
                strokeOpacity={0.8}
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
            ))}
            <Line dataKey={OOS_KEY} stroke={pal.equity} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
          </LineChart>
        </div>
      )}
    </section>
  );
}
