import { fmtNumber } from '../../../components/common/format';
import type { RiskReportDto, ScenarioInput } from '../../../../core/ipc/contract/risk';

type Figure = RiskReportDto['figures'][number];

/** One row of the VaR table: a method at a confidence level, with its 1-day and 10-day figures. */
export interface VarRow {
  key: string;
  label: string;
  oneDay: Figure | null;
  tenDay: Figure | null;
}

const METHOD_LABEL: Record<Figure['method'], string> = { historical: 'Historical', parametric: 'Parametric (normal)' };

/** The figures grid as table rows: historical then parametric, 95 % then 99 %. */
export function varRows(figures: readonly Figure[]): VarRow[] {
  const rows: VarRow[] = [];
  for (const method of ['historical', 'parametric'] as const) {
    const levels = [...new Set(figures.filter((f) => f.method === method).map((f) => f.confidence))].sort((a, b) => a - b);
    for (const c of levels) {
      const find = (h: number) => figures.find((f) => f.method === method && f.confidence === c && f.horizonDays === h) ?? null;
      rows.push({ key: `${method}-${c}`, label: `${METHOD_LABEL[method]} ${Math.round(c * 100)} %`, oneDay: find(1), tenDay: find(10) });
    }
  }
  return rows;
}

export type ScenarioKind = ScenarioInput['kind'];

/** What the "add scenario" row holds, as typed. */
export interface ScenarioDraft {
  kind: ScenarioKind;
  symbol: string;
  value: string;
}

/** A typed draft as a scenario, or the sentence saying what is wrong with it. */
export function parseScenario(d: ScenarioDraft): { scenario: ScenarioInput } | { error: string } {
  const text = d.value.trim().replace('−', '-');
  const v = Number(text);
  if (text === '' || !Number.isFinite(v)) return { error: `"${d.value}" is not a number` };
  if (d.kind === 'volatility') {
    if (!(v > 0 && v <= 100)) return { error: 'the volatility factor must be above 0 and at most 100' };
    return { scenario: { kind: 'volatility', factor: v } };
  }
  if (v < -100 || v > 1000) return { error: 'the shock must be between −100 % and +1000 %' };
  if (d.kind === 'market') return { scenario: { kind: 'market', shockPct: v } };
  const symbol = d.symbol.trim();
  if (symbol === '') return { error: 'name the symbol to shock' };
  return { scenario: { kind: 'symbol', symbol, shockPct: v } };
}

/** The rolling series in percent, for the charts. */
export function rollingRows(rolling: RiskReportDto['rolling']) {
  return rolling.map((p) => ({ t: p.ts, volatilityPct: p.volatility * 100, sharpe: p.sharpe, drawdownPct: p.drawdown * 100 }));
}

/** A number with the typographic minus the rest of the app uses for losses (−5,000); whole by default. */
export function fmtSigned(v: number | null, digits = 0): string {
  if (v === null || !Number.isFinite(v)) return fmtNumber(null);
  return `${v < 0 ? '−' : ''}${fmtNumber(Math.abs(v), digits)}`;
}
