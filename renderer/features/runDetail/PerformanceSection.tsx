import { useMemo } from 'react';
import { DrawdownChart } from '../../components/charts/DrawdownChart';
import { EquityChart } from '../../components/charts/EquityChart';
import { equityPoints } from '../../components/charts/seriesRows';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtInt } from '../../components/common/format';
import { useEquity } from './queries';

interface PerformanceSectionProps {
  runId: string;
  selectedTs: number | null;
  onPickDate: (ts: number) => void;
}

/** Equity with its benchmark, and the drawdown directly below on the same time axis, hover in step. */
export function PerformanceSection({ runId, selectedTs, onPickDate }: PerformanceSectionProps) {
  const equity = useEquity(runId);
  const points = useMemo(() => (equity.data ? equityPoints(equity.data) : []), [equity.data]);
  const domain = useMemo<[number, number]>(() => [points[0]?.t ?? 0, points[points.length - 1]?.t ?? 0], [points]);
  const syncId = `run-${runId}`;
  const hasBenchmark = points.some((p) => p.benchmark !== null);

  return (
    <section className="card chart-card" aria-labelledby="perf-title">
      <div className="chart-card__head">
        <h2 id="perf-title">Equity</h2>
        <span className="legend">
          <span className="legend__swatch legend__swatch--equity" /> Strategy
        </span>
        {hasBenchmark && (
          <span className="legend">
            <span className="legend__swatch legend__swatch--benchmark" /> Buy & hold
          </span>
        )}
        {equity.data && (
          <span className="muted chart-card__meta" data-testid="equity-points">
            {fmtInt(points.length)} of {fmtInt(equity.data.totalPoints)} points
          </span>
        )}
      </div>
      <ErrorNote error={equity.error} what="Could not load the equity curve" />
      {equity.isPending && <div className="chart-placeholder" style={{ height: 410 }} />}
      {points.length > 0 && (
        <>
          <EquityChart points={points} domain={domain} syncId={syncId} selectedTs={selectedTs} onPickDate={onPickDate} />
          <div className="chart-card__label muted">Drawdown</div>
          <DrawdownChart points={points} domain={domain} syncId={syncId} selectedTs={selectedTs} />
        </>
      )}
    </section>
  );
}
