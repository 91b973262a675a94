import { useState } from 'react';
import { ErrorNote } from '../../../components/common/ErrorNote';
import { fmtDate, fmtInt, fmtNumber, fmtPct, fmtRatio } from '../../../components/common/format';
import type { ScenarioInput } from '../../../../core/ipc/contract/risk';
import { ExposurePanel } from './ExposurePanel';
import { RollingCharts } from './RollingCharts';
import { ScenarioTable } from './ScenarioTable';
import { useRiskReport } from './useRiskReport';
import { VarTable } from './VarTable';
import './risk.css';

const DEFAULT_SCENARIOS: readonly ScenarioInput[] = [
  { kind: 'market', shockPct: -10 },
  { kind: 'market', shockPct: -20 },
  { kind: 'volatility', factor: 2 },
];
const WINDOWS = [21, 63, 126, 252] as const;

interface RiskSectionProps {
  runId: string;
  /** The session picked on the equity chart: the report is as of it when set, else as of the run's end. */
  asOf: number | null;
}

/**
 * The run's portfolio risk report, opened on demand: each report is computed and stored by the engine
 * (portfolio_risk_reports), so merely viewing the run does not make one.
 */
export function RiskSection({ runId, asOf }: RiskSectionProps) {
  const [open, setOpen] = useState(false);
  const [scenarios, setScenarios] = useState<readonly ScenarioInput[]>(DEFAULT_SCENARIOS);
  const [rollingWindow, setRollingWindow] = useState<number>(63);
  const report = useRiskReport(runId, asOf, scenarios, rollingWindow, open);
  const r = report.data;
  return (
    <section className="card risk-section" aria-labelledby="risk-title" data-testid="risk-section" data-state={!open ? 'closed' : r ? 'ready' : 'loading'}>
      <div className="chart-card__head">
        <h2 id="risk-title">Risk</h2>
        <button type="button" className="btn btn--small" data-testid="tab-risk" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide risk report' : 'Show risk report'}
        </button>
        {open && (
          <label className="risk-window">
            Rolling window{' '}
            <select className="input" data-testid="risk-window" value={rollingWindow} onChange={(e) => setRollingWindow(Number(e.target.value))}>
              {WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {w} sessions
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {open && <ErrorNote error={report.error} what="Could not compute the risk report" />}
      {open && !r && !report.error && <p className="muted">Computing the risk report…</p>}
      {open && r && (
        <div className="risk-body" data-testid="risk-report">
          <p className="muted" data-testid="risk-asof">
            As of {fmtDate(r.asOf)} · equity {fmtNumber(r.equity, 0)} · {fmtInt(r.observations)} daily returns · volatility {fmtPct(r.volatility === null ? null : r.volatility * 100)} · beta{' '}
            {fmtRatio(r.beta)}
            {asOf === null && ' · pick a date on the equity chart for an earlier session'}
          </p>
          <h3 className="side-card__sub">Value at risk and expected shortfall</h3>
          <VarTable figures={r.figures} />
          <h3 className="side-card__sub">Exposure and concentration</h3>
          <ExposurePanel exposures={r.exposures} concentration={r.concentration} />
          <h3 className="side-card__sub">Scenarios</h3>
          <ScenarioTable
            results={r.scenarios}
            worst={r.worstWindows}
            onAdd={(s) => setScenarios([...scenarios, s])}
            onRemove={(i) => setScenarios(scenarios.filter((_, k) => k !== i))}
          />
          <RollingCharts rolling={r.rolling} sessions={r.rollingWindow} />
        </div>
      )}
    </section>
  );
}
