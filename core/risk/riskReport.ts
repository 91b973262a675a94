import { beta } from './beta';
import { concentration, exposures, type Concentration, type Exposures, type Holding } from './exposure';
import { rollingRisk, type RollingPoint } from './rolling';
import { runScenarios, type Scenario, type ScenarioResult } from './scenarios';
import { sampleStd, SESSIONS_PER_YEAR, simpleReturns } from './stats';
import { historicalVarEs, overlappingReturns, parametricVarEs } from './valueAtRisk';
import { worstWindow, type WorstWindow } from './worstWindows';

export const CONFIDENCE_LEVELS = [0.95, 0.99] as const;
export const HORIZONS = [1, 10] as const;
export const WORST_WINDOW_DAYS = [1, 5, 20] as const;

/** One VaR/ES figure; `var`/`es` are fractions of equity, the money ones the same times equity. Null: too little history. */
export interface VarFigure {
  method: 'historical' | 'parametric';
  confidence: number;
  horizonDays: number;
  var: number | null;
  es: number | null;
  varMoney: number | null;
  esMoney: number | null;
}

export interface CurvePoint {
  ts: number;
  equity: number;
  /** The benchmark's equity that day, when the run has one. */
  benchmark: number | null;
}

export interface RiskInput {
  /** The close the report is as of: history after it is ignored. */
  asOf: number;
  curve: readonly CurvePoint[];
  holdings: readonly Holding[];
  scenarios: readonly Scenario[];
  rollingWindow: number;
}

export interface RiskReport {
  asOf: number;
  equity: number;
  /** Daily returns the figures rest on. */
  observations: number;
  figures: VarFigure[];
  /** Annualised volatility of daily returns. */
  volatility: number | null;
  beta: number | null;
  exposures: Exposures;
  concentration: Concentration;
  rolling: RollingPoint[];
  rollingWindow: number;
  scenarios: ScenarioResult[];
  worstWindows: WorstWindow[];
}

function figure(method: VarFigure['method'], returns: readonly number[], confidence: number, horizonDays: number, equity: number): VarFigure {
  const sample = method === 'historical' ? overlappingReturns(returns, horizonDays) : returns;
  if (sample.length < 2) return { method, confidence, horizonDays, var: null, es: null, varMoney: null, esMoney: null };
  const r = method === 'historical' ? historicalVarEs(sample, confidence) : parametricVarEs(sample, confidence, horizonDays);
  return { method, confidence, horizonDays, var: r.var, es: r.es, varMoney: r.var * equity, esMoney: r.es * equity };
}

/** The whole report from a curve (time order) and the book held at `asOf`. */
export function buildRiskReport(input: RiskInput): RiskReport {
  const curve = input.curve.filter((p) => p.ts <= input.asOf);
  const last = curve.at(-1);
  if (last === undefined) throw new Error(`risk report: no equity recorded at or before ${new Date(input.asOf).toISOString()}`);
  const ts = curve.map((p) => p.ts);
  const values = curve.map((p) => p.equity);
  const returns = simpleReturns(values);
  const equity = last.equity;

  const figures: VarFigure[] = [];
  for (const method of ['historical', 'parametric'] as const) {
    for (const c of CONFIDENCE_LEVELS) for (const h of HORIZONS) figures.push(figure(method, returns, c, h, equity));
  }

  // Beta over the days both the portfolio and the benchmark have a value.
  const pr: number[] = [];
  const br: number[] = [];
  for (let i = 1; i < curve.length; i++) {
    const b0 = curve[i - 1].benchmark;
    const b1 = curve[i].benchmark;
    if (b0 !== null && b1 !== null && b0 > 0) {
      pr.push(returns[i - 1]);
      br.push(b1 / b0 - 1);
    }
  }

  const e = exposures(input.holdings, equity);
  const sd = sampleStd(returns);
  return {
    asOf: last.ts,
    equity,
    observations: returns.length,
    figures,
    volatility: Number.isFinite(sd) ? sd * Math.sqrt(SESSIONS_PER_YEAR) : null,
    beta: beta(pr, br),
    exposures: e,
    concentration: concentration(e),
    rolling: rollingRisk(ts, values, input.rollingWindow),
    rollingWindow: input.rollingWindow,
    scenarios: runScenarios(input.scenarios, input.holdings, equity, returns),
    worstWindows: WORST_WINDOW_DAYS.map((d) => worstWindow(ts, values, d)).filter((w): w is WorstWindow => w !== null),
  };
}
