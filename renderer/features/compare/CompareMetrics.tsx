import type { RunDetail } from '../../../core/ipc/contract/backtests';
import { bestIndexes, COMPARE_METRICS, metricValue } from './compareData';
import type { CompareSeries } from './CompareChart';

/** Metrics side by side, the better value of each ranked metric highlighted (directions in compareData.ts). */
export function CompareMetrics({ runs, series }: { runs: readonly RunDetail[]; series: readonly CompareSeries[] }) {
  return (
    <div className="table-wrap">
      <table className="table compare-table" data-testid="compare-metrics">
        <thead>
          <tr>
            <th>Metric</th>
            {runs.map((r, i) => (
              <th key={r.id} className="num">
                <span className="swatch" style={{ background: series[i]?.colour }} />
                {r.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {COMPARE_METRICS.map((m) => {
            const values = runs.map((r) => metricValue(r.metrics, m.key));
            const best = bestIndexes(values, m.better);
            return (
              <tr key={m.key} data-testid={`metric-${m.key}`} data-better={m.better}>
                <td className="muted" title={m.better === 'neutral' ? 'not ranked: neither more nor less is better in itself' : `${m.better} is better`}>
                  {m.label}
                </td>
                {values.map((v, i) => (
                  <td key={runs[i].id} className={`num${best.includes(i) ? ' cell-best' : ''}`} data-best={best.includes(i) || undefined}>
                    {m.format(v)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
