import { routeHash } from '../../app/routes';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtDateTime, fmtDuration, fmtInt, fmtPct } from '../../components/common/format';
import { StatusBadge } from '../../components/common/StatusBadge';
import { navigate } from '../../stores/routeStore';
import { DeleteResearch } from './DeleteResearch';
import { formatMetric, objectiveInfo } from './metricFormat';
import { useObjectives, useSweeps, useWalkForwards } from './researchQueries';

/** Past sweeps, newest first; a row opens its results. */
export function SweepHistory() {
  const sweeps = useSweeps();
  const objectives = useObjectives();
  const rows = [...(sweeps.data ?? [])].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section className="card" aria-labelledby="research-sweeps">
      <div className="card__head">
        <h2 id="research-sweeps">Sweeps</h2>
      </div>
      <ErrorNote error={sweeps.error} what="The sweeps could not be loaded" />
      {rows.length === 0 ? (
        <p className="muted" data-testid="sweeps-empty">
          {sweeps.isPending ? 'Loading…' : 'No sweep yet.'}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="sweep-list">
            <thead>
              <tr>
                <th>Name</th>
                <th>State</th>
                <th className="num">Runs</th>
                <th className="num">Best</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id} className="is-clickable" data-testid="sweep-list-row" data-id={s.id} onClick={() => navigate({ name: 'sweep', id: s.id })}>
                  <td className="cell-name">
                    <a href={routeHash({ name: 'sweep', id: s.id })} onClick={(e) => e.stopPropagation()}>
                      {s.name}
                    </a>
                    <div className="muted research-list__sub" title={s.elapsedMs === null ? undefined : `took ${fmtDuration(s.elapsedMs)}`}>
                      {s.strategy} · {objectiveInfo(s.objective, objectives.data).label} · {fmtDateTime(s.createdAt)}
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={s.state} />
                  </td>
                  <td className="num">
                    {s.state === 'completed' ? fmtInt(s.combinations) : `${fmtInt(s.done)} / ${fmtInt(s.combinations)}`}
                  </td>
                  <td className="num">{formatMetric(s.objective, s.bestObjective)}</td>
                  <DeleteResearch id={s.id} name={s.name} kind="sweep" state={s.state} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Past walk-forwards, newest first, with their efficiency. */
export function WalkForwardHistory() {
  const wfs = useWalkForwards();
  const rows = [...(wfs.data ?? [])].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section className="card" aria-labelledby="research-walkforwards">
      <div className="card__head">
        <h2 id="research-walkforwards">Walk-forwards</h2>
      </div>
      <ErrorNote error={wfs.error} what="The walk-forwards could not be loaded" />
      {rows.length === 0 ? (
        <p className="muted" data-testid="walkforwards-empty">
          {wfs.isPending ? 'Loading…' : 'No walk-forward yet.'}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="walkforward-list">
            <thead>
              <tr>
                <th>Name</th>
                <th>State</th>
                <th className="num" title="Each window's in-sample combinations and its out-of-sample run">Runs</th>
                <th className="num">Efficiency</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {rows.map((w) => (
                <tr key={w.id} className="is-clickable" data-testid="walkforward-list-row" data-id={w.id} onClick={() => navigate({ name: 'walkForward', id: w.id })}>
                  <td className="cell-name">
                    <a href={routeHash({ name: 'walkForward', id: w.id })} onClick={(e) => e.stopPropagation()}>
                      {w.name}
                    </a>
                    <div className="muted research-list__sub">
                      {w.strategy} · {fmtDateTime(w.createdAt)}
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={w.state} />
                  </td>
                  <td className="num">{w.state === 'completed' ? fmtInt(w.total) : `${fmtInt(w.done)} / ${fmtInt(w.total)}`}</td>
                  <td className="num">{w.efficiency === null ? '—' : fmtPct(w.efficiency * 100, 0)}</td>
                  <DeleteResearch id={w.id} name={w.name} kind="walkforward" state={w.state} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
