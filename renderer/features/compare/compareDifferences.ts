import type { RunDetail } from '../../../core/ipc/contract/backtests';
import { fmtNumber, fmtPeriod } from '../../components/common/format';
import { assumptionRows } from '../runDetail/assumptions';

/** Something the compared runs do not share, which makes their numbers not like for like. */
export interface RunDifference {
  what: 'data' | 'symbols' | 'period' | 'initial cash';
  message: string;
}

const allSame = (values: readonly string[]): boolean => values.every((v) => v === values[0]);

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
};

/** Each run's value after its name: "a: 2000 → 2010; b: 2005 → 2010". */
const perRun = (runs: readonly RunDetail[], value: (r: RunDetail) => string): string => runs.map((r) => `${r.name}: ${value(r)}`).join('; ');

/**
 * Where the runs differ in what their results are computed on: the data (its fingerprint, or the
 * symbols traded), the period and the initial cash. Empty when they compare like for like.
 */
export function runDifferences(runs: readonly RunDetail[]): RunDifference[] {
  if (runs.length < 2) return [];
  const out: RunDifference[] = [];
  const symbolsDiffer = runs.some((r) => !sameSet(r.symbols, runs[0].symbols));
  if (!allSame(runs.map((r) => r.dataFingerprint))) {
    out.push({
      what: 'data',
      message: symbolsDiffer
        ? 'The runs trade different data: their returns come from different prices.'
        : 'The runs trade the same symbols on different data (the data fingerprints differ): their returns come from different prices.',
    });
  }
  if (symbolsDiffer) {
    const count = (r: RunDetail): string => `${r.symbols.length} ${r.symbols.length === 1 ? 'symbol' : 'symbols'}`;
    out.push({ what: 'symbols', message: `The runs trade different symbols (${perRun(runs, count)}).` });
  }
  if (!allSame(runs.map((r) => `${r.periodStart}:${r.periodEnd}`))) {
    out.push({ what: 'period', message: `The runs cover different periods (${perRun(runs, (r) => fmtPeriod(r.periodStart, r.periodEnd))}).` });
  }
  if (!allSame(runs.map((r) => String(r.initialCash)))) {
    out.push({
      what: 'initial cash',
      message: `The runs start with different cash (${perRun(runs, (r) => fmtNumber(r.initialCash))}): compare returns, not money amounts.`,
    });
  }
  return out;
}

/** One assumption across the runs: its value in each (in run order) and whether they differ. */
export interface AssumptionLine {
  label: string;
  values: string[];
  differs: boolean;
}

/** The runs' assumptions side by side, in the order the run detail lists them. */
export function assumptionLines(runs: readonly RunDetail[]): AssumptionLine[] {
  const perRunRows = runs.map((r) => new Map(assumptionRows(r).map((row) => [row.label, row.value])));
  const labels: string[] = [];
  for (const rows of perRunRows) for (const label of rows.keys()) if (!labels.includes(label)) labels.push(label);
  return labels.map((label) => {
    const values = perRunRows.map((rows) => rows.get(label) ?? '—');
    return { label, values, differs: !allSame(values) };
  });
}
