import type Database from 'better-sqlite3';
import type { RiskReport, VarFigure } from '../../risk/riskReport';
import { CONFIDENCE_LEVELS } from '../../risk/riskReport';

export type RiskMode = 'BACKTEST' | 'PAPER' | 'LIVE';

function pick(figures: readonly VarFigure[], method: VarFigure['method'], confidence: number, field: 'var' | 'es'): number | null {
  return figures.find((f) => f.method === method && f.confidence === confidence && f.horizonDays === 1)?.[field] ?? null;
}

/**
 * Stores a report in portfolio_risk_reports (migration 007) and returns its id. `runRow` is the run's
 * backtest_runs row, or null for an account report. The rolling series is not stored: it is
 * recomputed from the curve, and would be most of the row.
 */
export function insertRiskReport(db: Database.Database, runRow: number | null, mode: RiskMode, createdAt: number, r: RiskReport): number {
  const info = db
    .prepare(
      `INSERT INTO portfolio_risk_reports (run_id, mode, as_of, created_at, equity, observations, confidence_levels,
         hist_var_95_1d, hist_var_99_1d, hist_es_95_1d, hist_es_99_1d, param_var_95_1d, param_var_99_1d,
         volatility, beta, gross_exposure, net_exposure, long_exposure, short_exposure, herfindahl, rolling_window,
         figures_json, exposures_json, scenarios_json, worst_windows_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      runRow,
      mode,
      r.asOf,
      createdAt,
      r.equity,
      r.observations,
      JSON.stringify(CONFIDENCE_LEVELS),
      pick(r.figures, 'historical', 0.95, 'var'),
      pick(r.figures, 'historical', 0.99, 'var'),
      pick(r.figures, 'historical', 0.95, 'es'),
      pick(r.figures, 'historical', 0.99, 'es'),
      pick(r.figures, 'parametric', 0.95, 'var'),
      pick(r.figures, 'parametric', 0.99, 'var'),
      r.volatility,
      r.beta,
      r.exposures.gross,
      r.exposures.net,
      r.exposures.long,
      r.exposures.short,
      r.concentration.herfindahl,
      r.rollingWindow,
      JSON.stringify(r.figures),
      JSON.stringify({ ...r.exposures, concentration: r.concentration }),
      JSON.stringify(r.scenarios),
      JSON.stringify(r.worstWindows),
    );
  return Number(info.lastInsertRowid);
}
