interface ProgressBarProps {
  done: number;
  total: number;
  size?: 'mini' | 'normal' | 'large';
  label: string;
  testId?: string;
}

/** Sessions done out of total, as an accessible progress bar. */
export function ProgressBar({ done, total, size = 'normal', label, testId }: ProgressBarProps) {
  const pct = total > 0 ? Math.min(100, Math.max(0, (done / total) * 100)) : 0;
  return (
    <div
      className={`progress${size === 'normal' ? '' : ` progress--${size}`}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      data-testid={testId}
    >
      <div className="progress__bar" style={{ width: `${pct}%` }} />
    </div>
  );
}
