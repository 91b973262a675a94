import type { SliceMode } from './sweepSlices';

const LABELS: Record<SliceMode, string> = { atBest: 'held at the best', bestOf: 'best of the rest' };

/** How the charts hold the parameters they do not show: at the best combination's values, or at the best for each point. */
export function SliceModeSwitch({ mode, onChange }: { mode: SliceMode; onChange: (m: SliceMode) => void }) {
  return (
    <div className="row slice-mode">
      <span className="muted">Other parameters</span>
      <div className="segmented" role="radiogroup" aria-label="Other parameters">
        {(['atBest', 'bestOf'] as const).map((m) => (
          <label key={m} className="segmented__item" data-checked={mode === m}>
            <input type="radio" name="slice-mode" value={m} checked={mode === m} data-testid={`slice-${m}`} onChange={() => onChange(m)} />
            {LABELS[m]}
          </label>
        ))}
      </div>
    </div>
  );
}
