import { fmtParam, formatMetric, KEY_METRICS, type ObjectiveInfo } from './metricFormat';
import type { HeatCell } from './sweepSlices';

interface HeatmapTooltipProps {
  cell: HeatCell;
  x: string;
  y: string;
  names: readonly string[];
  objective: ObjectiveInfo;
  /** Where the cell's top centre is, in the heatmap frame's pixels. */
  left: number;
  top: number;
}

const SHOWN = ['total_return_pct', 'max_drawdown_pct', 'closed_trades'];

/** A hovered cell's combination in full: every parameter, the objective and a few figures. */
export function HeatmapTooltip({ cell, x, y, names, objective, left, top }: HeatmapTooltipProps) {
  const r = cell.result;
  if (!r) return null;
  return (
    <div className="chart-tooltip hm__tooltip" role="tooltip" data-testid="heatmap-tooltip" style={{ left, top }}>
      <div className="chart-tooltip__title">
        {x} {fmtParam(cell.x)} · {y} {fmtParam(cell.y)}
      </div>
      {names
        .filter((n) => n !== x && n !== y)
        .map((n) => (
          <div key={n} className="chart-tooltip__row">
            <span />
            <span className="chart-tooltip__label">{n}</span>
            <span className="chart-tooltip__value">{fmtParam(r.params[n])}</span>
          </div>
        ))}
      <div className="chart-tooltip__row">
        <span />
        <span className="chart-tooltip__label">{objective.label}</span>
        <span className="chart-tooltip__value" data-testid="heatmap-tooltip-value">
          {formatMetric(objective.name, r.objective)}
        </span>
      </div>
      {KEY_METRICS.filter((m) => SHOWN.includes(m.name) && m.name !== objective.name).map((m) => (
        <div key={m.name} className="chart-tooltip__row">
          <span />
          <span className="chart-tooltip__label">{m.label}</span>
          <span className="chart-tooltip__value">{m.format(r.metrics[m.name])}</span>
        </div>
      ))}
      <div className="chart-tooltip__hint">Combination #{r.index} · click to open its run</div>
    </div>
  );
}
