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

  return [
    signed('totalReturnPct', 'Total return'),
    signed('cagrPct', 'CAGR'),
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
    plain('annualVolatilityPct', 'Volatility', (v) => fmtPct(v)),
    plain('winRatePct', 'Win rate', (v) => fmtPct(v, 1)),
    plain('profitFactor', 'Profit factor', fmtRatio, pf === null ? '' : pf >= 1 ? 'pos' : 'neg'),
    { ...plain('closedTrades', 'Trades', fmtInt), sub: open ? `+${fmtInt(open)} open` : undefined },
    plain('exposureTimePct', 'Exposure', (v) => fmtPct(v, 1)),
    plain('commissions', 'Commissions', (v) => fmtNumber(v)),
    plain('finalEquity', 'Final equity', (v) => fmtNumber(v)),
    signed('buyAndHoldReturnPct', 'Buy & hold'),
  ];
}
