import type { CheckOrderResult, MemberVerdictDto } from '../../../core/ipc/contract/trading';
import type { ApiError } from '../../../core/ipc/errors';
import { BRACKET_ROLE_LABELS } from './orderDetails';
import type { OrderCheck } from './tradingQueries';
import { CHECK_LABELS, checksToShow, type RiskCheck } from './riskView';

const MARK = { pass: '✓', fail: '✗', skipped: '–', off: '' } as const;

type RiskVerdict = CheckOrderResult['risk'];

/** The verdict's headline; a refused bracket names the members that fail. */
function verdictText(result: CheckOrderResult): string {
  if (result.ok) return 'Passes every check: ready to send';
  if (result.risk.passed) return 'Checks pass, but it cannot be sent now';
  const failed = (result.members ?? []).filter((m) => !m.risk.passed).map((m) => BRACKET_ROLE_LABELS[m.role].toLowerCase());
  if (failed.length === 0) return 'Refused by the risk checks';
  return `Refused by the risk checks: the ${failed.join(' and the ')} ${failed.length === 1 ? 'fails' : 'fail'}`;
}

/**
 * The engine's pre-trade verdict on the ticket, before anything is sent: each failed check with its
 * reason, the passes folded; for a bracket, each member's verdict (one refused member refuses the list).
 */
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
  return (
    <div className="check" data-testid="check-result" data-ok={result.ok}>
      <div className={`check__verdict ${result.ok ? 'pos' : 'neg'}`} data-testid="check-verdict">
        {verdictText(result)}
      </div>
      {result.blockers.length > 0 && (
        <ul className="check__blockers" data-testid="check-blockers">
          {result.blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      {result.members ? result.members.map((m) => <MemberChecks key={m.role} member={m} />) : <Checks risk={result.risk} />}
    </div>
  );
}

function MemberChecks({ member }: { member: MemberVerdictDto }) {
  const { passed } = member.risk;
  return (
    <section className="check__member" data-testid="check-member" data-role={member.role} data-passed={passed}>
      <div className={`check__member-head ${passed ? 'pos' : 'neg'}`}>
        <span className="check__mark" aria-hidden="true">
          {passed ? MARK.pass : MARK.fail}
        </span>
        {BRACKET_ROLE_LABELS[member.role]} {passed ? 'passes' : 'refused'}
      </div>
      <Checks risk={member.risk} />
    </section>
  );
}

function Checks({ risk }: { risk: RiskVerdict }) {
  const checks = checksToShow(risk.checks);
  const passed = checks.filter((c) => c.status === 'pass');
  return (
    <>
      <CheckList checks={checks.filter((c) => c.status !== 'pass')} />
      {passed.length > 0 && (
        <details className="check__passed">
          <summary className="muted">
            {passed.length} check{passed.length === 1 ? '' : 's'} pass
          </summary>
          <CheckList checks={passed} />
        </details>
      )}
    </>
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
