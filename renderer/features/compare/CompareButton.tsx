import { MIN_COMPARE } from '../../stores/compareStore';
import { navigate } from '../../stores/routeStore';

interface CompareButtonProps {
  /** The ticked runs' ids. */
  selected: string[];
  className: string;
  testId: string;
  /** Tooltip while too few runs are ticked. */
  hint?: string;
}

/** Opens the compare screen on the ticked runs, once enough are ticked. */
export function CompareButton({ selected, className, testId, hint }: CompareButtonProps) {
  const tooFew = selected.length < MIN_COMPARE;
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      disabled={tooFew}
      title={tooFew ? hint : undefined}
      onClick={() => navigate({ name: 'compare', ids: selected })}
    >
      Compare{selected.length > 0 ? ` (${selected.length})` : ''}
    </button>
  );
}
