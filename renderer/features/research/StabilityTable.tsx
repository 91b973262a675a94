import type { WalkForwardDetail } from '../../../core/ipc/contract/research';
import { fmtInt, fmtPct } from '../../components/common/format';
import { fmtParam } from './metricFormat';

/**
 * How steady each parameter's choice was across the windows: the value chosen most and how often,
 * how many distinct values, and their spread. Parameters that jump from window to window suggest
 * the in-sample optimum is noise.
 */
export function StabilityTable({ stability, windows }: { stability: WalkForwardDetail['stability']; windows: number }) {
  return (
    <section className="card" aria-labelledby="wf-stability-title">
      <div className="card__head">
        <h2 id="wf-stability-title">Parameter stability</h2>
      </div>
      {stability.length === 0 ? (
        <p className="muted">No window has chosen parameters yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="wf-stability">
            <thead>
              <tr>
                <th>Parameter</th>
                <th className="num">Most chosen</th>
                <th className="num">Share of windows</th>
                <th className="num">Distinct values</th>
                <th className="num">Range</th>
              </tr>
            </thead>
            <tbody>
              {stability.map((s) => (
                <tr key={s.name} data-testid="wf-stability-row" data-param={s.name}>
                  <td className="cell-name">{s.name}</td>
                  <td className="num">{fmtParam(s.mostChosen)}</td>
                  <td className={`num ${s.share >= 0.5 ? 'pos' : s.share < 0.25 && windows > 3 ? 'neg' : ''}`} data-col="share">
                    {fmtPct(s.share * 100, 0)}
                  </td>
                  <td className="num">{fmtInt(s.distinct)}</td>
                  <td className="num">{s.min === null || s.max === null ? '—' : s.min === s.max ? fmtParam(s.min) : `${fmtParam(s.min)} – ${fmtParam(s.max)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
