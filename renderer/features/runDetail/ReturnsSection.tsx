import { MonthlyHeatmap } from '../../components/charts/MonthlyHeatmap';
import { YearlyReturnsChart } from '../../components/charts/YearlyReturnsChart';
import { ErrorNote } from '../../components/common/ErrorNote';
import { useReturns } from './queries';

/** Calendar returns: the monthly heatmap and each year against the benchmark. */
export function ReturnsSection({ runId }: { runId: string }) {
  const returns = useReturns(runId);
  return (
    <div className="returns-grid">
      <section className="card chart-card" aria-labelledby="monthly-title">
        <div className="chart-card__head">
          <h2 id="monthly-title">Monthly returns (%)</h2>
        </div>
        <ErrorNote error={returns.error} what="Could not load returns" />
        {returns.data && <MonthlyHeatmap monthly={returns.data.monthly} yearly={returns.data.yearly} />}
      </section>
      <section className="card chart-card" aria-labelledby="yearly-title">
        <div className="chart-card__head">
          <h2 id="yearly-title">Yearly returns</h2>
          <span className="legend">
            <span className="legend__swatch legend__swatch--up legend__swatch--block" /> Strategy
          </span>
          <span className="legend">
            <span className="legend__swatch legend__swatch--benchmark legend__swatch--block" /> Buy & hold
          </span>
        </div>
        {returns.data && <YearlyReturnsChart years={returns.data.yearly} />}
      </section>
    </div>
  );
}
