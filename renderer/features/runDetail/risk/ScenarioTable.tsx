import { useState } from 'react';
import { fmtDate, fmtSignedPct, signClass } from '../../../components/common/format';
import type { RiskReportDto, ScenarioInput } from '../../../../core/ipc/contract/risk';
import { fmtSigned, parseScenario, type ScenarioDraft, type ScenarioKind } from './riskView';

interface ScenarioTableProps {
  results: RiskReportDto['scenarios'];
  worst: RiskReportDto['worstWindows'];
  onAdd: (s: ScenarioInput) => void;
  onRemove: (index: number) => void;
}

const EMPTY_DRAFT: ScenarioDraft = { kind: 'market', symbol: '', value: '' };

/** Scenario P&L: the user's shocks (with a row to add one) and the worst windows the run lived through. */
export function ScenarioTable({ results, worst, onAdd, onRemove }: ScenarioTableProps) {
  const [draft, setDraft] = useState<ScenarioDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const parsed = parseScenario(draft);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setDraft(EMPTY_DRAFT);
    onAdd(parsed.scenario);
  };
  return (
    <table className="mini-table risk-table" data-testid="risk-scenarios">
      <thead>
        <tr>
          <th>Scenario</th>
          <th className="num">P&L</th>
          <th className="num">% of equity</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {results.map((s, i) => (
          <tr key={`${s.name}-${i}`} data-testid="risk-scenario-row">
            <td>{s.name}</td>
            <td className={`num ${signClass(s.pnl)}`}>{fmtSigned(s.pnl)}</td>
            <td className={`num ${signClass(s.pnl)}`}>{fmtSignedPct(s.pnlPct * 100)}</td>
            <td>
              <button type="button" className="btn btn--ghost btn--small" aria-label={`Remove scenario ${s.name}`} onClick={() => onRemove(i)}>
                ✕
              </button>
            </td>
          </tr>
        ))}
        {worst.map((w) => (
          <tr key={`worst-${w.days}`} data-testid="risk-worst-row">
            <td>
              Worst {w.days}-day window <span className="muted">({fmtDate(w.fromTs)} → {fmtDate(w.toTs)})</span>
            </td>
            <td />
            <td className={`num ${signClass(w.return)}`}>{fmtSignedPct(w.return * 100)}</td>
            <td />
          </tr>
        ))}
        <tr className="risk-add-row">
          <td colSpan={4}>
            <form
              className="risk-add"
              onSubmit={(e) => {
                e.preventDefault();
                add();
              }}
            >
              <select
                className="input"
                aria-label="Scenario kind"
                data-testid="risk-scenario-kind"
                value={draft.kind}
                onChange={(e) => setDraft({ ...draft, kind: e.target.value as ScenarioKind })}
              >
                <option value="market">Market shock %</option>
                <option value="symbol">Symbol shock %</option>
                <option value="volatility">Volatility ×</option>
              </select>
              {draft.kind === 'symbol' && (
                <input className="input" aria-label="Symbol" placeholder="Symbol" value={draft.symbol} onChange={(e) => setDraft({ ...draft, symbol: e.target.value })} />
              )}
              <input
                className="input"
                aria-label="Shock value"
                data-testid="risk-scenario-value"
                placeholder={draft.kind === 'volatility' ? '2' : '-10'}
                value={draft.value}
                onChange={(e) => setDraft({ ...draft, value: e.target.value })}
              />
              <button type="submit" className="btn btn--small" data-testid="risk-scenario-add">
                Add scenario
              </button>
              {error && (
                <span className="field__issue" role="alert" data-testid="risk-scenario-error">
                  {error}
                </span>
              )}
            </form>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
