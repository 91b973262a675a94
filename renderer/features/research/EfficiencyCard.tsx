import type { WalkForwardDetail } from '../../../core/ipc/contract/research';
import { fmtInt, fmtPct, fmtRatio, fmtSignedPct, signClass } from '../../components/common/format';
import { paramsText } from './metricFormat';
import { efficiencyReading } from './walkForwardView';

const n = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The walk-forward's verdict up front: its efficiency with a reading, and the stitched out-of-sample figures. */
export function EfficiencyCard({ detail }: { detail: WalkForwardDetail }) {
  const e = detail.efficiency;
  const reading = efficiencyReading(e);
  const m = detail.stitchedMetrics;
  const latest = detail.windows[detail.windows.length - 1];
  const figures = [
    { id: 'total_return_pct', label: 'Out-of-sample return', value: fmtSignedPct(n(m.total_return_pct)), tone: signClass(n(m.total_return_pct)) },
    { id: 'cagr_pct', label: 'CAGR', value: fmtSignedPct(n(m.cagr_pct)), tone: signClass(n(m.cagr_pct)) },
    { id: 'sharpe', label: 'Sharpe', value: fmtRatio(n(m.sharpe)), tone: signClass(n(m.sharpe)) },
    { id: 'max_drawdown_pct', label: 'Max drawdown', value: fmtPct(n(m.max_drawdown_pct)), tone: '' },
    { id: 'closed_trades', label: 'Trades', value: fmtInt(n(m.closed_trades)), tone: '' },
  ];
  return (
    <section className="card wf-efficiency" aria-labelledby="wf-efficiency-title" data-testid="wf-efficiency">
      <div className="wf-efficiency__main">
        <h2 id="wf-efficiency-title" className="wf-efficiency__title">
          Walk-forward efficiency
        </h2>
        <div className={`wf-efficiency__value ${reading.tone}`} data-testid="wf-efficiency-value" data-value={e ?? ''}>
          {e === null ? '—' : fmtPct(e * 100, 0)}
        </div>
        <p className="wf-efficiency__reading" data-testid="wf-efficiency-reading">
          {reading.text}
        </p>
        <p className="field__hint">Annualised out-of-sample return over annualised in-sample return, averaged over the windows.</p>
        <p className="wf-efficiency__reading" data-testid="wf-overfitting-reading" data-pbo={detail.overfitting.meanPbo ?? ''}>
          {detail.overfitting.reading}
          {detail.overfitting.meanDsr !== null && ` Mean deflated Sharpe of the choices: ${fmtRatio(detail.overfitting.meanDsr)}.`}
        </p>
      </div>
      <div>
        <dl className="wf-efficiency__figures" data-testid="wf-stitched-metrics">
          {figures.map((f) => (
            <div key={f.id} className="wf-efficiency__figure" data-testid={`wf-metric-${f.id}`}>
              <dt>{f.label}</dt>
              <dd className={`num ${f.tone}`}>{f.value}</dd>
            </div>
          ))}
        </dl>
        {latest && (
          <p className="muted wf-efficiency__latest" data-testid="wf-latest-params">
            The latest window chose <strong className="mono">{paramsText(latest.params, detail.paramNames)}</strong>
          </p>
        )}
      </div>
    </section>
  );
}
