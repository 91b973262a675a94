import { useState } from 'react';
import type { KillSwitchReportDto, RiskStateDto } from '../../../core/ipc/contract/trading';
import { ConfirmDialog } from '../../components/common/ConfirmDialog';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtDateTime, fmtNumber, fmtPct } from '../../components/common/format';
import { Panel } from './Panel';
import { KillSwitchOrders } from './KillSwitchOrders';
import { breakerView, killSwitchLines } from './riskView';
import { useKillSwitch, useResetBreaker } from './tradingQueries';

const limit = (v: number | null, fmt: (n: number) => string): string => (v === null ? 'off' : fmt(v));

/** The circuit breaker (state, why, since, Reset), the limits the checks apply, and the kill switch. */
export function RiskPanel({ risk, lastKillSwitch, connected }: { risk: RiskStateDto; lastKillSwitch: KillSwitchReportDto | null; connected: boolean }) {
  const reset = useResetBreaker();
  const kill = useKillSwitch();
  const [asking, setAsking] = useState(false);
  const [flatten, setFlatten] = useState(false);
  const b = risk.breaker;
  const view = breakerView(b);
  const l = risk.limits;

  return (
    <Panel title="Risk" testId="risk-panel">
      <div className="breaker" data-testid="breaker" data-tripped={b.tripped} data-tone={view.tone}>
        <div className="breaker__head">
          <span className="tone-dot" data-tone={view.tone} aria-hidden="true" />
          <strong>Circuit breaker: {view.label}</strong>
          {b.tripped && b.since !== null && <span className="muted">since {fmtDateTime(b.since)}</span>}
          {b.tripped && (
            <button type="button" className="btn btn--small breaker__reset" data-testid="breaker-reset" disabled={reset.isPending} onClick={() => reset.mutate({})}>
              Reset
            </button>
          )}
        </div>
        <div className={b.tripped ? 'breaker__why' : 'muted'} data-testid="breaker-detail">
          {view.detail}
        </div>
        {b.tripped && b.recent.length > 0 && (
          <details className="breaker__recent">
            <summary className="muted">{b.recent.length} refusals counted</summary>
            <ul>
              {b.recent.slice(-10).map((f, i) => (
                <li key={`${f.at}-${i}`} title={f.reason}>
                  <span className="muted">{fmtDateTime(f.at)} {f.source}:</span> {f.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <ErrorNote error={reset.error} what="Not reset" />
      <dl className="limits" data-testid="risk-limits">
        <dt>Symbols</dt>
        <dd>{l.allowed_symbols.length === 0 ? 'any' : l.allowed_symbols.join(', ')}</dd>
        <dt>Max order</dt>
        <dd className="num">{limit(l.max_order_size_usd, (v) => fmtNumber(v, 0))}</dd>
        <dt>Max position</dt>
        <dd className="num">{limit(l.max_position_usd, (v) => fmtNumber(v, 0))}</dd>
        <dt>Max quantity</dt>
        <dd className="num">{limit(l.max_order_quantity, (v) => fmtNumber(v, 0))}</dd>
        <dt>Price band</dt>
        <dd className="num">{limit(l.price_band_pct, (v) => fmtPct(v * 100, 1))}</dd>
        <dt>Max leverage</dt>
        <dd className="num">{limit(l.max_portfolio_leverage, (v) => `${fmtNumber(v)}×`)}</dd>
        <dt>Lot size</dt>
        <dd className="num">{l.lot_size === 0 ? 'fractional' : fmtNumber(l.lot_size, 0)}</dd>
      </dl>
      <button
        type="button"
        className="btn btn--danger-solid kill-switch"
        data-testid="kill-switch"
        disabled={!connected}
        title={connected ? 'Cancel every open order, and optionally flatten every position' : 'Connect first'}
        onClick={() => {
          setFlatten(false);
          kill.reset();
          setAsking(true);
        }}
      >
        Kill switch
      </button>
      <ErrorNote error={kill.error} what="Kill switch failed" />
      {lastKillSwitch && (
        <div className="kill-report" data-testid="kill-report">
          <div className="muted">Kill switch at {fmtDateTime(lastKillSwitch.at)}</div>
          <ul>
            {killSwitchLines(lastKillSwitch).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {lastKillSwitch.cancelled.length > 0 && <KillSwitchOrders cancelled={lastKillSwitch.cancelled} />}
        </div>
      )}
      {asking && (
        <ConfirmDialog
          open
          title="Use the kill switch?"
          confirmLabel={kill.isPending ? 'Working…' : flatten ? 'Cancel all and flatten' : 'Cancel all orders'}
          busy={kill.isPending}
          onCancel={() => setAsking(false)}
          onConfirm={() => kill.mutate({ flatten, confirm: true }, { onSettled: () => setAsking(false) })}
        >
          <p>Every open order is cancelled at once.</p>
          <label className="kill-flatten">
            <input type="checkbox" data-testid="kill-flatten" checked={flatten} onChange={(e) => setFlatten(e.target.checked)} />
            Also flatten every position (market orders)
          </label>
        </ConfirmDialog>
      )}
    </Panel>
  );
}
