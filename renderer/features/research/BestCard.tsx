import type { SweepResult } from '../../../core/ipc/contract/research';
import { fmtParam, formatMetric, KEY_METRICS, type ObjectiveInfo } from './metricFormat';

interface BestCardProps {
  best: SweepResult | null;
  paramNames: readonly string[];
  objective: ObjectiveInfo;
  /** The combination being opened, if any. */
  openingIndex: number | null;
  onOpen: (index: number) => void;
}

/** The best combination by the objective: its parameters, its figures, and its full run a click away. */
export function BestCard({ best, paramNames, objective, openingIndex, onOpen }: BestCardProps) {
  return (
    <section className="card best-card" aria-labelledby="best-title" data-testid="best-card">
      <div className="card__head">
        <h2 id="best-title">Best combination</h2>
        {best && (
          <button type="button" className="btn btn--small btn--primary" data-testid="best-open" disabled={openingIndex !== null} onClick={() => onOpen(best.index)}>
            {openingIndex === best.index ? 'Recording run…' : 'Open its run'}
          </button>
        )}
      </div>
      {!best ? (
        <p className="muted">No combination has a {objective.label} yet.</p>
      ) : (
        <>
          <div className="best-card__params" data-testid="best-params">
            {paramNames.map((n) => (
              <span key={n} className="best-card__param">
                <span className="muted">{n}</span> <strong>{fmtParam(best.params[n])}</strong>
              </span>
            ))}
          </div>
          <dl className="best-card__figures">
            <div className="best-card__figure best-card__figure--objective">
              <dt>{objective.label}</dt>
              <dd className="num" data-testid="best-objective">
                {formatMetric(objective.name, best.objective)}
              </dd>
            </div>
            {KEY_METRICS.filter((m) => m.name !== objective.name).map((m) => (
              <div key={m.name} className="best-card__figure">
                <dt>{m.label}</dt>
                <dd className="num">{m.format(best.metrics[m.name])}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
