import { useRuns } from '../../api/backtests';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtPeriod, fmtSignedPct, signClass } from '../../components/common/format';
import { MAX_COMPARE, MIN_COMPARE, useCompareStore } from '../../stores/compareStore';
import { CompareButton } from './CompareButton';

/** Choosing two to four finished runs when the compare screen is opened without them. */
export function ComparePicker({ tooMany = null }: { tooMany?: number | null }) {
  const runs = useRuns({});
  const { selected, toggle } = useCompareStore();
  const choices = (runs.data ?? []).filter((r) => r.status !== 'running');

  return (
    <div>
      <div className="screen-head">
        <h1>Compare</h1>
        <span className="muted">
          Pick {MIN_COMPARE} to {MAX_COMPARE} runs
        </span>
        <CompareButton selected={selected} className="btn btn--primary" testId="compare-go" />
      </div>
      {tooMany !== null && (
        <p className="notice notice--warn" data-testid="compare-too-many">
          Compare takes {MIN_COMPARE} to {MAX_COMPARE} runs; {tooMany} were asked for. The first {MAX_COMPARE} are ticked.
        </p>
      )}
      <ErrorNote error={runs.error} what="The runs could not be loaded" />
      {choices.length < MIN_COMPARE && !runs.isPending ? (
        <div className="empty card">
          <p>Comparing needs at least two finished runs.</p>
          <a className="btn btn--primary" href="#/new">
            New backtest
          </a>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="compare-picker">
            <thead>
              <tr>
                <th className="cell-check" />
                <th>Name</th>
                <th>Strategy</th>
                <th>Period</th>
                <th className="num">Return</th>
              </tr>
            </thead>
            <tbody>
              {choices.map((r) => {
                const checked = selected.includes(r.id);
                return (
                  <tr key={r.id} className={`is-clickable${checked ? ' is-selected' : ''}`} onClick={() => toggle(r.id)} data-testid="pick-row">
                    <td className="cell-check">
                      <input
                        type="checkbox"
                        aria-label={`Compare ${r.name}`}
                        checked={checked}
                        disabled={!checked && selected.length >= MAX_COMPARE}
                        onChange={() => toggle(r.id)}
                        onClick={(e) => e.stopPropagation()}
                      />
                    </td>
                    <td className="cell-name">{r.name}</td>
                    <td>{r.strategy}</td>
                    <td className="muted">{fmtPeriod(r.periodStart, r.periodEnd)}</td>
                    <td className={`num ${signClass(r.metrics?.totalReturnPct)}`}>{fmtSignedPct(r.metrics?.totalReturnPct)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
