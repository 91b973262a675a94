import { useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { crosshairTooltipProps, plotFrameProps, valueYAxisProps } from '../../components/charts/axisProps';
import { AXIS_FONT, useChartPalette } from '../../components/charts/chartTheme';
import type { TooltipState } from '../../components/charts/PointTooltip';
import { fmtParam, formatMetric, type ObjectiveInfo } from './metricFormat';
import { ParamSelect } from './ParamSelect';
import { bestResult, lineSlice, type SliceMode, type SweepResults } from './sweepSlices';

/** One point of the chart: the parameter's value, the objective there, and the combination behind it. */
interface LineRow {
  x: number | string;
  y: number | null;
  index: number | null;
}

function LineTooltip({ props, param, objective }: { props: TooltipState; param: string; objective: ObjectiveInfo }) {
  const row = props.payload?.[0]?.payload as LineRow | undefined;
  if (!props.active || !row) return null;
  return (
    <div className="chart-tooltip" data-testid="line-tooltip">
      <div className="chart-tooltip__title">
        {param} {fmtParam(row.x)}
      </div>
      <div className="chart-tooltip__row">
        <span />
        <span className="chart-tooltip__label">{objective.label}</span>
        <span className="chart-tooltip__value">{formatMetric(objective.name, row.y)}</span>
      </div>
      {row.index !== null && <div className="chart-tooltip__hint">Combination #{row.index} · click to open its run</div>}
    </div>
  );
}

interface ObjectiveLineChartProps {
  sweep: SweepResults;
  objective: ObjectiveInfo;
  mode: SliceMode;
  onOpen: (index: number) => void;
}

/** The objective along one chosen parameter, the others held as the mode says; the best's value marked. */
export function ObjectiveLineChart({ sweep, objective, mode, onOpen }: ObjectiveLineChartProps) {
  const pal = useChartPalette();
  const names = sweep.paramNames;
  const [param, setParam] = useState(names[0] ?? '');
  const points = useMemo(() => lineSlice(sweep, param, mode, objective.direction), [sweep, param, mode, objective.direction]);
  // Numbers spread on a numeric axis; enums and booleans are categories.
  const numeric = points.every((p) => typeof p.value === 'number');
  const rows = useMemo<LineRow[]>(
    () => points.map((p) => ({ x: typeof p.value === 'number' ? p.value : String(p.value), y: p.result?.objective ?? null, index: p.result?.index ?? null })),
    [points],
  );
  const best = bestResult(sweep);
  const bestX = best ? best.params[param] : undefined;
  const defined = rows.filter((r) => r.y !== null).length;

  return (
    <section className="card" aria-labelledby="line-title" data-testid="sweep-line">
      <div className="card__head">
        <h2 id="line-title">{objective.label} by parameter</h2>
        <ParamSelect label="Parameter" names={names} value={param} onChange={setParam} testId="line-param" />
      </div>
      {defined === 0 ? (
        <p className="muted" data-testid="line-empty">
          No combination along {param} has a {objective.label} with the other parameters held.
        </p>
      ) : (
        <div className="chart chart--clickable" data-testid="line-chart" data-points={defined}>
          <LineChart
            data={rows}
            {...plotFrameProps(260)}
            onClick={(state) => {
              const row = rows[Number(state?.activeTooltipIndex)];
              if (row && row.index !== null) onOpen(row.index);
            }}
          >
            <CartesianGrid stroke={pal.grid} />
            <XAxis
              dataKey="x"
              type={numeric ? 'number' : 'category'}
              domain={numeric ? ['dataMin', 'dataMax'] : undefined}
              tickFormatter={(v: number | string) => fmtParam(v)}
              tick={{ ...AXIS_FONT, fill: pal.muted }}
              stroke={pal.grid}
              allowDuplicatedCategory={false}
              // Categories sit inside the plot, each labelled.
              padding={numeric ? undefined : { left: 40, right: 40 }}
              interval={numeric ? 'preserveEnd' : 0}
            />
            <YAxis {...valueYAxisProps(pal, (v) => formatMetric(objective.name, v))} domain={['auto', 'auto']} />
            <Tooltip {...crosshairTooltipProps(pal)} content={(props) => <LineTooltip props={props} param={param} objective={objective} />} />
            {bestX !== undefined && <ReferenceLine x={numeric ? (bestX as number) : String(bestX)} stroke={pal.accent} strokeDasharray="4 3" />}
            <Line dataKey="y" stroke={pal.equity} strokeWidth={1.5} dot={{ r: 2.5 }} activeDot={{ r: 4 }} isAnimationActive={false} connectNulls={false} />
          </LineChart>
        </div>
      )}
      <p className="field__hint">
        Others held {mode === 'atBest' ? 'at the best combination’s values' : 'at whatever did best for each value'}; the dashed line marks the best.
      </p>
    </section>
  );
}
