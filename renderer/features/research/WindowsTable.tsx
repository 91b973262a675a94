import type { WalkForwardDetail } from '../../../core/ipc/contract/research';
import { fmtDate, fmtInt, fmtPct, fmtRatio, fmtSignedPct, signClass } from '../../components/common/format';
import { fmtParam, formatMetric, type ObjectiveInfo } from './metricFormat';

type Window = WalkForwardDetail['windows'][number];

const n = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Each window: its periods, the parameters its in-sample chose, and how they did in and out of sample. */
export function WindowsTable({ windows, paramNames, objective }: { windows: readonly Window[]; paramNames: readonly string[]; objective: ObjectiveInfo }) {
  return (
    <section className="card" aria-labelledby="wf-windows-title">
      <div className="card__head">
        <h2 id="wf-windows-title">Windows</h2>
        <span className="muted">{fmtInt(windows.length)} windows</span>
      </div>
      {windows.length === 0 ? (
        <p className="muted" data-testid="wf-windows-empty">
          No window has finished yet.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="wf-windows">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>In-sample</th>
                <th>Out-of-sample</th>
                {paramNames.map((p) => (
                  <th key={p} className="num">
                    {p}
                  </th>
                ))}
                <th className="num">IS {objective.label}</th>
                <th className="num">OOS {objective.label}</th>
                <th className="num">IS return</th>
                <th className="num">OOS return</th>
                <th className="num">OOS max DD</th>
                <th className="num">OOS trades</th>
                <th className="num" title="Deflated Sharpe ratio of the window's choice, given the combinations tried in sample">
                  DSR
                </th>
                <th className="num" title="Probability of backtest overfitting of the window's in-sample sweep">
                  PBO
                </th>
              </tr>
            </thead>
            <tbody>
              {windows.map((w) => {
                const oosRet = n(w.outOfSample.total_return_pct);
                return (
                  <tr key={w.index} data-testid="wf-window" data-index={w.index}>
                    <td className="num">{w.index + 1}</td>
                    <td className="muted">
                      {fmtDate(w.inSampleStart)} → {fmtDate(w.inSampleEnd)}
                    </td>
                    <td>
                      {fmtDate(w.outOfSampleStart)} → {fmtDate(w.outOfSampleEnd)}
                    </td>
                    {paramNames.map((p) => (
                      <td key={p} className="num" data-col={`param-${p}`}>
                        {fmtParam(w.params[p])}
                      </td>
                    ))}
                    <td className="num" data-col="is-objective">
                      {formatMetric(objective.name, w.inSampleObjective)}
                    </td>
                    <td className={`num ${signClass(w.outOfSampleObjective)}`} data-col="oos-objective">
                      {formatMetric(objective.name, w.outOfSampleObjective)}
                    </td>
                    <td className="num muted">{fmtSignedPct(n(w.inSample.total_return_pct))}</td>
                    <td className={`num ${signClass(oosRet)}`}>{fmtSignedPct(oosRet)}</td>
                    <td className="num">{fmtPct(n(w.outOfSample.max_drawdown_pct))}</td>
                    <td className="num">{fmtInt(n(w.outOfSample.closed_trades))}</td>
                    <td className="num" data-col="dsr">
                      {fmtRatio(n(w.overfitting?.deflatedSharpe?.dsr))}
                    </td>
                    <td className="num" data-col="pbo">
                      {fmtRatio(n(w.overfitting?.pbo?.pbo))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
