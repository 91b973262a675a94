import type { RunDetail } from '../../../core/ipc/contract/backtests';
import type { CompareSeries } from './CompareChart';
import { assumptionLines, runDifferences } from './compareDifferences';

/** A warning for each way the runs are not like for like; nothing when they are. */
export function CompareWarnings({ runs }: { runs: readonly RunDetail[] }) {
  const differences = runDifferences(runs);
  if (differences.length === 0) return null;
  return (
    <div className="notice notice--warn" role="alert" data-testid="compare-warning">
      <strong>These runs are not like for like.</strong>
      <ul className="compare-warning__list">
        {differences.map((d) => (
          <li key={d.what} data-testid={`compare-differs-${d.what.replace(' ', '-')}`}>
            {d.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What each run was computed under, side by side, the lines where they differ marked. */
export function CompareAssumptions({ runs, series }: { runs: readonly RunDetail[]; series: readonly CompareSeries[] }) {
  return (
    <section className="card">
      <div className="card__head">
        <h2>Assumptions</h2>
        <span className="muted">lines that differ are marked</span>
      </div>
      <div className="table-wrap">
        <table className="table compare-table" data-testid="compare-assumptions">
          <thead>
            <tr>
              <th>Assumption</th>
              {runs.map((r, i) => (
                <th key={r.id}>
                  <span className="swatch" style={{ background: series[i]?.colour }} />
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {assumptionLines(runs).map((line) => (
              <tr key={line.label} className={line.differs ? 'row-differs' : undefined} data-differs={line.differs || undefined} data-testid="compare-assumption">
                <td className="muted">{line.label}</td>
                {line.values.map((v, i) => (
                  <td key={runs[i].id} className="cell-wrap">
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
