import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtInt } from '../../components/common/format';
import type { Plan } from './researchQueries';
import type { ResearchTab } from './sweepDraft';

interface PlanBarProps {
  tab: ResearchTab;
  /** What the form can tell is wrong by itself (the engine is not asked until it is fixed). */
  formIssues: readonly string[];
  /** Rows with an issue of their own, shown under them. */
  rowIssues: number;
  plan: Plan;
  random: boolean;
  starting: boolean;
  startError: { message: string } | null;
}

/** The live count of combinations (or why there is none) and the Start button, pinned under the form. */
export function PlanBar({ tab, formIssues, rowIssues, plan, random, starting, startError }: PlanBarProps) {
  const local = [...formIssues, ...(rowIssues > 0 ? [`${rowIssues} ${rowIssues === 1 ? 'parameter needs' : 'parameters need'} fixing (see above).`] : [])];
  const issues = local.length > 0 ? local : plan.issues;
  const ready = local.length === 0 && !plan.checking && plan.issues.length === 0 && plan.error === null && plan.combinations !== null && plan.combinations > 0;
  const perWindow = tab === 'walkforward' ? ' per window' : '';

  return (
    <div className="launch-bar">
      <div className="launch-bar__status" data-testid="plan-status" aria-live="polite">
        {issues.length > 0 ? (
          <ul className="launch-bar__issues" data-testid="plan-issues">
            {issues.map((i) => (
              <li key={i} data-testid="plan-issue">
                {i}
              </li>
            ))}
          </ul>
        ) : plan.error ? (
          <span className="neg">The engine could not count the combinations: {plan.error.message}</span>
        ) : plan.checking || plan.combinations === null ? (
          <span className="muted">Counting combinations…</span>
        ) : plan.combinations === 0 ? (
          <span className="neg" data-testid="plan-count" data-count={0}>
            No combination passes the constraint: nothing to run.
          </span>
        ) : (
          <span className="pos" data-testid="plan-count" data-count={plan.combinations}>
            ✓ {fmtInt(plan.combinations)} {plan.combinations === 1 ? 'combination' : 'combinations'}
            {perWindow}
            {random ? ', drawn at random' : ''}
          </span>
        )}
        <ErrorNote error={startError} what="Start failed" />
      </div>
      {tab === 'sweep' ? (
        <button type="submit" className="btn btn--primary btn--launch" disabled={!ready || starting} data-testid="start-sweep">
          {starting ? 'Starting…' : 'Start sweep'}
        </button>
      ) : (
        <button type="submit" className="btn btn--primary btn--launch" disabled={!ready || starting} data-testid="start-walkforward">
          {starting ? 'Starting…' : 'Run walk-forward'}
        </button>
      )}
    </div>
  );
}
