import { useState } from 'react';
import { parse } from 'yaml';
import type { SessionDetailDto } from '../../../core/ipc/contract/sessions';
import { useLaunch } from '../../api/backtests';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtInt } from '../../components/common/format';
import { navigate } from '../../stores/routeStore';
import { fmtBps, fmtShare } from './sessionView';

type Calibration = SessionDetailDto['calibration'];

/** The YAML as a spec object for `backtests.launch`; null when it is not a mapping. */
export function specOfYaml(yaml: string): Record<string, unknown> | null {
  const v: unknown = parse(yaml);
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * The simulator's costs fitted to the session's own fills beside the spec's, and the backtest spec
 * with the fitted values: copied, or run as a new backtest at once.
 */
export function CalibrationPanel({ calibration: c }: { calibration: Calibration }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const launch = useLaunch();
  const rows: { id: string; label: string; fitted: string; current: string }[] = [
    { id: 'slippage', label: 'Slippage', fitted: fmtBps(c.slippageBps, 2), current: fmtBps(c.current.slippageBps, 2) },
    { id: 'spread', label: 'Spread', fitted: fmtBps(c.spreadBps, 2), current: fmtBps(c.current.spreadBps, 2) },
    { id: 'limit-fill', label: 'Limit fill probability', fitted: fmtShare(c.limitFillProb), current: fmtShare(c.current.limitFillProb) },
  ];
  const copy = (): void => {
    // Web mode off loopback has no clipboard (it needs a secure context).
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!c.specYaml || !clipboard) {
      setCopied('failed');
      return;
    }
    clipboard.writeText(c.specYaml).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  const run = (): void => {
    if (!c.specYaml) return;
    const spec = specOfYaml(c.specYaml);
    if (spec) launch.mutate({ spec }, { onSuccess: () => navigate({ name: 'jobs' }) });
  };

  return (
    <section className="card" aria-labelledby="calibration-title" data-testid="session-calibration">
      <div className="card__head">
        <h2 id="calibration-title">Calibration</h2>
        <span className="muted">from {fmtInt(c.fills)} live market fills</span>
      </div>
      <table className="table calibration-table" data-testid="calibration-table">
        <thead>
          <tr>
            <th />
            <th className="num">Fitted</th>
            <th className="num">Spec now</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="calibration-row" data-id={r.id}>
              <td>{r.label}</td>
              <td className="num" data-col="fitted">
                {r.fitted}
              </td>
              <td className="num muted" data-col="current">
                {r.current}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field__hint">
        The average cost of the market fills against the decision’s close is the simulator’s half-spread plus slippage: the spread is kept, the rest
        becomes slippage. The limit fill probability is the share of the session’s limit orders that filled.
      </p>
      {c.specYaml === null ? (
        <p className="muted" data-testid="calibration-empty">
          No live market fill with a decision price yet: nothing to fit.
        </p>
      ) : (
        <>
          <div className="card__head calibration__head">
            <h3>Backtest spec with the fitted costs</h3>
            <button type="button" className="btn btn--small" data-testid="calibration-copy" onClick={copy}>
              {copied === 'yes' ? 'Copied' : 'Copy YAML'}
            </button>
            <button type="button" className="btn btn--small btn--primary" data-testid="calibration-run" disabled={launch.isPending} onClick={run}>
              {launch.isPending ? 'Launching…' : 'Run as backtest'}
            </button>
          </div>
          {copied === 'failed' && <div className="notice notice--warn">The clipboard refused: select the YAML and copy it by hand.</div>}
          <ErrorNote error={launch.error} what="Backtest not launched" />
          <pre className="calibration__yaml" data-testid="calibration-yaml">
            {c.specYaml}
          </pre>
        </>
      )}
    </section>
  );
}
