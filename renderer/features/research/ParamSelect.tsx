interface ParamSelectProps {
  label: string;
  names: readonly string[];
  value: string;
  onChange: (name: string) => void;
  testId: string;
}

/** A compact labelled picker of one of the sweep's parameters, for a chart's axis. */
export function ParamSelect({ label, names, value, onChange, testId }: ParamSelectProps) {
  return (
    <label className="param-select">
      <span className="muted">{label}</span>
      <select className="select" aria-label={`${label} parameter`} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
