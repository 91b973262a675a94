import type { ChangeEvent } from 'react';
import { REASON_LABELS, type Outcome, type ReasonChoice, type TradeFilter } from './tradeAnalysis';

interface Props {
  filter: TradeFilter;
  symbols: readonly string[];
  reasons: readonly ReasonChoice[];
  onChange: (filter: TradeFilter) => void;
}

const ALL = '';

/** A select whose empty choice means "all"; `parse` turns a chosen value back into the filter's type. */
function Choice<T extends string>(props: {
  label: string;
  testId: string;
  value: T | null;
  options: readonly { value: T; label: string }[];
  onChange: (v: T | null) => void;
}) {
  const change = (e: ChangeEvent<HTMLSelectElement>) => {
    const picked = props.options.find((o) => o.value === e.target.value);
    props.onChange(picked ? picked.value : null);
  };
  return (
    <label className="trade-filters__field">
      <span className="muted">{props.label}</span>
      <select data-testid={props.testId} value={props.value ?? ALL} onChange={change}>
        <option value={ALL}>All</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const SIDES = [
  { value: 'LONG' as const, label: 'Long' },
  { value: 'SHORT' as const, label: 'Short' },
];
const OUTCOMES: readonly { value: Outcome; label: string }[] = [
  { value: 'win', label: 'Winners' },
  { value: 'loss', label: 'Losers' },
];

/** Filters of the trade analysis: symbol, side, outcome and exit reason, each "All" by default. */
export function TradeFilters({ filter, symbols, reasons, onChange }: Props) {
  return (
    <div className="trade-filters" role="group" aria-label="Trade filters">
      <Choice label="Symbol" testId="filter-symbol" value={filter.symbol} options={symbols.map((s) => ({ value: s, label: s }))} onChange={(symbol) => onChange({ ...filter, symbol })} />
      <Choice label="Side" testId="filter-side" value={filter.side} options={SIDES} onChange={(side) => onChange({ ...filter, side })} />
      <Choice label="Outcome" testId="filter-outcome" value={filter.outcome} options={OUTCOMES} onChange={(outcome) => onChange({ ...filter, outcome })} />
      <Choice
        label="Exit reason"
        testId="filter-reason"
        value={filter.reason}
        options={reasons.map((r) => ({ value: r, label: REASON_LABELS[r] }))}
        onChange={(reason) => onChange({ ...filter, reason })}
      />
    </div>
  );
}
