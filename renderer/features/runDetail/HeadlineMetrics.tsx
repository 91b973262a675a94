import type { RunMetrics } from '../../../core/ipc/contract/backtests';
import { headlineMetrics } from './headlineMetrics';

/** The strip of headline figures at the top of the run. */
export function HeadlineMetrics({ metrics }: { metrics: RunMetrics | null }) {
  return (
    <dl className="figure-strip" data-testid="headline-metrics">
      {headlineMetrics(metrics).map((h) => (
        <div key={h.id} className="figure" data-testid={`metric-${h.id}`} data-value={h.raw ?? ''}>
          <dt>{h.label}</dt>
          <dd className={`num ${h.tone}`}>{h.value}</dd>
          {h.sub && <dd className="figure__sub">{h.sub}</dd>}
        </div>
      ))}
    </dl>
  );
}
