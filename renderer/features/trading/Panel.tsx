import type { ReactNode } from 'react';

interface PanelProps {
  title: string;
  testId: string;
  /** Shown beside the title when above zero (rows listed). */
  count?: number;
  /** Controls at the right of the title (filters, state). */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** One card of the trading screen, labelled by its title. */
export function Panel({ title, testId, count, actions, className, children }: PanelProps) {
  const titleId = `${testId}-title`;
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={titleId} data-testid={testId}>
      <div className="card__head">
        <h2 id={titleId}>{title}</h2>
        {count !== undefined && count > 0 && <span className="muted">{count}</span>}
        {actions}
      </div>
      {children}
    </section>
  );
}

/** What a panel says when it has no row to show. */
export function EmptyNote({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="muted trading-empty" data-testid={testId}>
      {children}
    </p>
  );
}
