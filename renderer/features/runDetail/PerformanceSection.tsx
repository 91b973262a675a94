import { useMemo } from 'react';
import { EquityLwChart } from '../../components/charts/EquityLwChart';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtInt } from '../../components/common/format';
import { useEquity } from './queries';

interface PerformanceSectionProps {
  runId: string;
  selectedTs: number | null;
  onPickDate: (ts: number) => void;
}

/** Equity with its benchmark, and the drawdown directly below on the same time axis; the crosshair follows the price chart's. */
export function PerformanceSection({ runId, selectedTs, onPickDate }: PerformanceSectionProps) {
  const equity = useEquity(runId);
  const points = equity.data?.ts ?? [];
  const hasBenchmark = useMemo(() => (equity.data?.benchmark ?? []).some((b) => b !== null), [equity.data]);

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
      {equity.data && points.length > 0 && (
        <EquityLwChart curve={equity.data} selectedTs={selectedTs} onPickDate={onPickDate} syncGroup={`run-${runId}`} />
      )}
    </section>
  );
}
