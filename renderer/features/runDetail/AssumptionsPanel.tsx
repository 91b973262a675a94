import type { RunDetail } from '../../../core/ipc/contract/backtests';
import { assumptionRows } from './assumptions';

/** What the numbers were computed under: fills, costs, account, seed, data and version. */
export function AssumptionsPanel({ run }: { run: RunDetail }) {
  return (
    <section className="card side-card" aria-labelledby="assumptions-title" data-testid="assumptions">
      <h2 id="assumptions-title" className="side-card__title">
        Assumptions
      </h2>
      <dl className="kv">
        {assumptionRows(run).map((r) => (
          <div key={r.label} className="kv__row" data-testid={`assumption-${r.label.toLowerCase().replace(/\W+/g, '-')}`}>
            <dt>{r.label}</dt>
            <dd className={r.warning ? 'kv__warn' : undefined} title={r.warning ?? r.value}>
              {r.value}
              {r.warning && <span className="kv__note">{r.warning}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
