import type { WindowDraft } from './sweepDraft';

interface WindowFieldsProps {
  windows: WindowDraft;
  onChange: (next: WindowDraft) => void;
}

/** How a walk-forward cuts the period: in-sample to choose the parameters, out-of-sample to trade them. */
export function WindowFields({ windows: w, onChange }: WindowFieldsProps) {
  const set = (patch: Partial<WindowDraft>): void => onChange({ ...w, ...patch });
  const lengthField = (key: 'inSample' | 'outOfSample' | 'step', label: string, hint: string, placeholder?: string) => (
    <div className="field">
      <label htmlFor={`wf-${key}`}>{label}</label>
      <div className="field__control">
        <input
          id={`wf-${key}`}
          className="input"
          type="text"
          inputMode="numeric"
          data-testid={`wf-${key}`}
          placeholder={placeholder}
          value={w[key]}
          onChange={(e) => set({ [key]: e.target.value })}
        />
        <span className="field__unit">{w.unit}</span>
      </div>
      <div className="field__hint">{hint}</div>
    </div>
  );
  return (
    <div className="field-grid" data-testid="wf-fields">
      <div className="field">
        <label htmlFor="wf-mode">Windows</label>
        <select id="wf-mode" className="select" data-testid="wf-mode" value={w.mode} onChange={(e) => set({ mode: e.target.value === 'anchored' ? 'anchored' : 'rolling' })}>
          <option value="rolling">rolling</option>
          <option value="anchored">anchored</option>
        </select>
        <div className="field__hint">{w.mode === 'rolling' ? 'Each in-sample keeps its length and moves on' : 'Each in-sample starts at the first bar and grows'}</div>
      </div>
      <div className="field">
        <label htmlFor="wf-unit">Unit</label>
        <select id="wf-unit" className="select" data-testid="wf-unit" value={w.unit} onChange={(e) => set({ unit: e.target.value === 'sessions' ? 'sessions' : 'months' })}>
          <option value="months">months</option>
          <option value="sessions">sessions</option>
        </select>
      </div>
      {lengthField('inSample', 'In-sample', 'Where each window’s parameters are chosen')}
      {lengthField('outOfSample', 'Out-of-sample', 'Where they are then traded, unseen')}
      {lengthField('step', 'Step', 'How far each window moves', w.outOfSample === '' ? undefined : `${w.outOfSample} (out-of-sample)`)}
    </div>
  );
}
