import { useRuns } from '../../api/backtests';
import { fmtNumber } from '../../components/common/format';
import { navigate } from '../../stores/routeStore';
import { getAt } from '../newBacktest/specPath';
import { describeCommission, describeData } from '../runDetail/assumptions';
import { asRecord, type SweepDraft } from './sweepDraft';

/** Runs offered as a base: the most recent that finished. */
const MAX_RUNS = 50;

const text = (v: unknown, empty = '—'): string => (v === undefined || v === null || v === '' ? empty : String(v));

/** What the base spec fixes for every combination: data, period and costs, in one line each. */
function baseLines(base: SweepDraft['base']): { label: string; value: string }[] {
  const start = text(getAt(base, 'start'), 'first bar');
  const end = text(getAt(base, 'end'), 'last bar');
  const cash = getAt(base, 'initial_cash');
  return [
    { label: 'Data', value: describeData(asRecord(base.data)) },
    { label: 'Period', value: `${start} → ${end}` },
    { label: 'Initial cash', value: typeof cash === 'number' ? fmtNumber(cash) : text(cash) },
    { label: 'Fill timing', value: text(getAt(base, 'simulator.fill_timing')) },
    { label: 'Slippage', value: getAt(base, 'simulator.slippage_bps') === undefined ? '—' : `${text(getAt(base, 'simulator.slippage_bps'))} bps` },
    { label: 'Commission', value: describeCommission(asRecord(getAt(base, 'simulator.commission'))) },
  ];
}

interface BaseCardProps {
  draft: SweepDraft;
  /** The run the address names as the base, if any. */
  from: string | null;
  onDefaults: () => void;
}

/** The backtest every combination runs: the engine's defaults or a recorded run's spec, shown, not edited here. */
export function BaseCard({ draft, from, onDefaults }: BaseCardProps) {
  const runs = useRuns({});
  const choices = (runs.data ?? []).filter((r) => r.status === 'completed').slice(0, MAX_RUNS);
  const value = from ?? (draft.origin === 'defaults' ? '' : '__other__');
  const pick = (id: string): void => {
    if (id === '') onDefaults();
    else navigate({ name: 'research', from: id });
  };

  return (
    <section className="card" aria-labelledby="research-base">
      <div className="card__head">
        <h2 id="research-base">Base backtest</h2>
        <select className="select research-base__pick" aria-label="Base backtest" data-testid="base-pick" value={value} onChange={(e) => pick(e.target.value)}>
          <option value="">Engine defaults</option>
          {value === '__other__' && <option value="__other__">{draft.originLabel}</option>}
          {from !== null && !choices.some((r) => r.id === from) && <option value={from}>{draft.originLabel}</option>}
          {choices.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} · {r.strategy}
            </option>
          ))}
        </select>
      </div>
      <dl className="research-kv" data-testid="base-summary">
        {baseLines(draft.base).map((l) => (
          <div key={l.label} className="research-kv__row">
            <dt>{l.label}</dt>
            <dd title={l.value}>{l.value}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint">
        Every combination runs on this data, period and costs. To change them, set up a backtest in <a href="#/new">New backtest</a>, run it, and sweep from its run.
      </p>
    </section>
  );
}
