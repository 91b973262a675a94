import type { ApiError } from '../../../core/ipc/errors';
import type { OrderCheck } from './tradingQueries';
import { CHECK_LABELS, checksToShow, type RiskCheck } from './riskView';

const MARK = { pass: '✓', fail: '✗', skipped: '–', off: '' } as const;

/** The engine's pre-trade verdict on the ticket, before anything is sent: each failed check with its reason, the passes folded. */
export function CheckResult({ check, incomplete }: { check: OrderCheck; incomplete: boolean }) {
  if (incomplete) return <p className="check check--idle muted" data-testid="check-idle">Fill in the ticket to see the risk checks.</p>;
  if (check.error) return <CheckError error={check.error} />;
  if (check.checking || !check.result) {
    return (
      <p className="check check--idle muted" data-testid="check-pending">
        Checking…
      </p>
    );
  }
  const { result } = check;
  const checks = checksToShow(result.risk.checks);
  const passed = checks.filter((c) => c.status === 'pass');
  return (
    <div className="check" data-testid="check-result" data-ok={result.ok}>
      <div className={`check__verdict ${result.ok ? 'pos' : 'neg'}`} data-testid="check-verdict">
        {result.ok ? 'Passes every check: ready to send' : result.risk.passed ? 'Checks pass, but it cannot be sent now' : 'Refused by the risk checks'}
      </div>
      {result.blockers.length > 0 && (
        <ul className="check__blockers" data-testid="check-blockers">
          {result.blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <CheckList checks={checks.filter((c) => c.status !== 'pass')} />
      {passed.length > 0 && (
        <details className="check__passed">
          <summary className="muted">
            {passed.length} check{passed.length === 1 ? '' : 's'} pass
          </summary>
          <CheckList checks={passed} />
        </details>
      )}
    </div>
  );
}

function CheckList({ checks }: { checks: readonly RiskCheck[] }) {
  if (checks.length === 0) return null;
  return (
    <ul className="check__list">
      {checks.map((c) => (
        <li key={c.check} className={`check__item check__item--${c.status}`} data-testid="check-item" data-check={c.check} data-status={c.status}>
          <span className="check__mark" aria-hidden="true">
            {MARK[c.status]}
          </span>
          <span className="check__name">{CHECK_LABELS[c.check]}</span>
          <span className="check__detail">{c.detail}</span>
        </li>
      ))}
    </ul>
  );
}

function CheckError({ error }: { error: ApiError }) {
  return (
    <div className="notice notice--error" role="alert" data-testid="check-error">
      The order could not be checked: {error.message}
    </div>
  );
}
