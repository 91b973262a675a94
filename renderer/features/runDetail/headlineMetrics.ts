import type { RunMetrics } from '../../../core/ipc/contract/backtests';
import { fmtInt, fmtNumber, fmtPct, fmtRatio, fmtSignedPct, signClass } from '../../components/common/format';

export interface Headline {
  id: string;
  label: string;
  value: string;
  /** A second, smaller figure under the value (drawdown duration, open trades). */
  sub?: string;
  tone: 'pos' | 'neg' | '';
  /** The engine's number, for tests and tooltips. */
  raw: number | null;
}

const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The run's headline figures, in reading order, formatted from the engine's metrics. */
export function headlineMetrics(m: RunMetrics | null): Headline[] {
  const get = (k: keyof RunMetrics & string): number | null => n(m?.[k]);
  const signed = (id: keyof RunMetrics & string, label: string): Headline => {
    const raw = get(id);
    return { id, label, value: fmtSignedPct(raw), tone: signClass(raw), raw };
  };
  const plain = (id: keyof RunMetrics & string, label: string, format: (v: number | null) => string, tone: Headline['tone'] = ''): Headline => {
    const raw = get(id);
    return { id, label, value: format(raw), tone, raw };
  };
  const ratio = (id: keyof RunMetrics & string, label: string): Headline => plain(id, label, fmtRatio, signClass(get(id)));
  const mdd = get('maxDrawdownPct');
  const ddDays = get('maxDrawdownDurationDays');
  const open = get('openTrades');
  const pf = get('profitFactor');
  const avgDd = get('avgDrawdownPct');
  const avgDdDays = get('avgDrawdownDurationDays');
  const expectancyPct = get('expectancyPct');
  const kelly = get('kelly');

  return [
    signed('totalReturnPct', 'Total return'),
    signed('cagrPct', 'CAGR'),
    signed('annualReturnPct', 'Annual return'),
    ratio('sharpe', 'Sharpe'),
    ratio('sortino', 'Sortino'),
    {
      id: 'maxDrawdownPct',
      label: 'Max drawdown',
      value: fmtPct(mdd),
      sub: ddDays === null ? undefined : `${fmtInt(ddDays)} days`,
      tone: mdd !== null && mdd < 0 ? 'neg' : '',
      raw: mdd,
    },
    {
      id: 'avgDrawdownPct',
      label: 'Avg drawdown',
      value: fmtPct(avgDd),
      sub: avgDdDays === null ? undefined : `${fmtInt(avgDdDays)} days`,
      tone: avgDd !== null && avgDd < 0 ? 'neg' : '',
      raw: avgDd,
    },
    plain('annualVolatilityPct', 'Volatility', (v) => fmtPct(v)),
    signed('alphaPct', 'Alpha'),
    plain('beta', 'Beta', fmtRatio),
    plain('winRatePct', 'Win rate', (v) => fmtPct(v, 1)),
    plain('profitFactor', 'Profit factor', fmtRatio, pf === null ? '' : pf >= 1 ? 'pos' : 'neg'),
    { ...plain('expectancy', 'Expectancy', (v) => fmtNumber(v), signClass(get('expectancy'))), sub: expectancyPct === null ? undefined : `${fmtSignedPct(expectancyPct)} a trade` },
    plain('kelly', 'Kelly', fmtRatio, kelly === null ? '' : kelly > 0 ? 'pos' : 'neg'),
    { ...plain('closedTrades', 'Trades', fmtInt), sub: open ? `+${fmtInt(open)} open` : undefined },
    plain('exposureTimePct', 'Exposure', (v) => fmtPct(v, 1)),
    plain('commissions', 'Commissions', (v) => fmtNumber(v)),
    plain('finalEquity', 'Final equity', (v) => fmtNumber(v)),
    signed('buyAndHoldReturnPct', 'Buy & hold'),
  ];
}
