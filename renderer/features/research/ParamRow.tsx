import type { ParamModel, ParamValue } from './paramModels';
import type { ParamDraft } from './sweepDraft';
import { fmtParam } from './metricFormat';

interface ParamRowProps {
  model: ParamModel;
  draft: ParamDraft;
  /** What is wrong with the row, if anything. */
  issue: string | undefined;
  /** Values a grid tries on this axis; null when drawn at random, undefined when not varied. */
  count: number | null | undefined;
  onChange: (next: ParamDraft) => void;
}

/** What the parameter takes, in a few words: "integer ≥ 1", "number > 0", "long_only · long_short". */
function typeHint(m: ParamModel): string {
  if (m.kind === 'choice') return m.options.map(fmtParam).join(' · ');
  if (m.kind === 'fixed') return m.json ? 'JSON, fixed' : 'text, fixed';
  const kind = m.integer ? 'integer' : 'number';
  const lo = m.min === undefined ? '' : ` ${m.minExclusive ? '>' : '≥'} ${m.min}`;
  const hi = m.max === undefined ? '' : `${lo ? ',' : ''} ≤ ${m.max}`;
  return `${kind}${lo}${hi}`;
}

const idOf = (name: string, part: string): string => `sweep-${part}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** One parameter of the strategy: a "vary" switch, then either the values to try or the one value to keep. */
export function ParamRow({ model: m, draft: d, issue, count, onChange }: ParamRowProps) {
  const set = (patch: Partial<ParamDraft>): void => onChange({ ...d, ...patch });
  const issueId = issue ? idOf(m.name, 'issue') : undefined;
  const invalid = issue !== undefined;
  const textInput = (part: 'from' | 'to' | 'step' | 'fixed', label: string, placeholder?: string) => (
    <label className="sweep-param__input">
      <span className="sweep-param__label">{label}</span>
      <input
        className={`input${part === 'fixed' && m.kind === 'fixed' ? ' mono' : ' input--short'}`}
        type="text"
        inputMode={m.kind === 'number' ? 'decimal' : undefined}
        spellCheck={false}
        aria-label={`${m.name} ${label}`}
        aria-invalid={invalid}
        aria-describedby={issueId}
        data-testid={`${part}-${m.name}`}
        placeholder={placeholder}
        value={d[part]}
        onChange={(e) => set({ [part]: e.target.value })}
      />
    </label>
  );
  const toggleChoice = (o: ParamValue, on: boolean): void => set({ chosen: on ? [...d.chosen, o] : d.chosen.filter((c) => c !== o) });
  const defaultText = m.defaultValue === undefined ? undefined : `default ${fmtParam(m.defaultValue)}`;

  return (
    <div className="sweep-param" role="group" aria-label={`Parameter ${m.name}`} data-testid="param-row" data-param={m.name} data-vary={d.vary}>
      <label className="sweep-param__vary" title={m.kind === 'fixed' ? 'Only numbers, enums and booleans can vary' : undefined}>
        <input type="checkbox" checked={d.vary} disabled={m.kind === 'fixed'} aria-label={`Vary ${m.name}`} data-testid={`vary-${m.name}`} onChange={(e) => set({ vary: e.target.checked })} />
      </label>
      <div className="sweep-param__name">
        <span className="sweep-param__key">{m.name}</span>
        <span className="sweep-param__type muted" title={m.hint}>
          {typeHint(m)}
        </span>
      </div>
      <div className="sweep-param__values">
        {!d.vary ? (
          m.kind === 'choice' ? (
            <label className="sweep-param__input">
              <span className="sweep-param__label">value</span>
              <select className="select" aria-label={`${m.name} value`} data-testid={`fixed-${m.name}`} value={d.fixed} onChange={(e) => set({ fixed: e.target.value })}>
                {m.defaultValue === undefined && <option value="">—</option>}
                {m.options.map((o) => (
                  <option key={String(o)} value={String(o)}>
                    {fmtParam(o)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            textInput('fixed', 'value', defaultText)
          )
        ) : m.kind === 'choice' ? (
          <div className="sweep-param__choices" role="group" aria-label={`${m.name} choices`}>
            {m.options.map((o) => (
              <label key={String(o)} className="sweep-param__choice">
                <input type="checkbox" checked={d.chosen.includes(o)} data-testid={`choice-${m.name}-${String(o)}`} onChange={(e) => toggleChoice(o, e.target.checked)} />
                {fmtParam(o)}
              </label>
            ))}
          </div>
        ) : (
          <>
            {textInput('from', 'from')}
            {textInput('to', 'to')}
            {textInput('step', 'step', m.kind === 'number' && m.integer ? '1' : undefined)}
          </>
        )}
      </div>
      <div className="sweep-param__count num muted" data-testid={`count-${m.name}`}>
        {d.vary && count !== undefined ? (count === null ? 'random' : `${count.toLocaleString('en-US')} ${count === 1 ? 'value' : 'values'}`) : ''}
      </div>
      {issue && (
        <div className="sweep-param__issue field__issue" id={issueId} role="alert" data-testid={`param-issue-${m.name}`}>
          {issue}
        </div>
      )}
    </div>
  );
}
