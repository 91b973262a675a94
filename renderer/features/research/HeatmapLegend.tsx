import { legendGradient } from './heatScale';
import { formatMetric, type ObjectiveInfo } from './metricFormat';

/** The colour scale: the lowest and highest objective shown, and which end is better. */
export function HeatmapLegend({ range, objective }: { range: [number, number] | null; objective: ObjectiveInfo }) {
  if (!range) return <p className="muted hm__legend">No cell has a {objective.label}.</p>;
  return (
    <div className="hm__legend" data-testid="heatmap-legend">
      <span className="num" data-testid="heatmap-legend-min">
        {formatMetric(objective.name, range[0])}
      </span>
      <span className="hm__legend-bar" style={{ background: legendGradient(objective.direction) }} aria-hidden="true" />
      <span className="num" data-testid="heatmap-legend-max">
        {formatMetric(objective.name, range[1])}
      </span>
      <span className="muted">
        {objective.label}, {objective.direction === 'max' ? 'higher' : 'lower'} is better · empty: no combination ran there
      </span>
    </div>
  );
}
