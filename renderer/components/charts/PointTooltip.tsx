import type { ReactNode } from 'react';
import { fmtDate } from '../common/format';

export interface TooltipField<P> {
  label: string;
  value: (point: P) => string;
  colour?: string;
}

/** The part of recharts' tooltip content props this reads. */
export interface TooltipState {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
}

interface PointTooltipProps<P extends { t: number }> {
  props: TooltipState;
  fields: readonly TooltipField<P>[];
  footer?: ReactNode;
}

/** The hovered point's exact values, as the engine sent them (the point itself, not an interpolation). */
export function PointTooltip<P extends { t: number }>({ props, fields, footer }: PointTooltipProps<P>) {
  const point = props.payload?.[0]?.payload as P | undefined;
  if (!props.active || !point) return null;
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <div className="chart-tooltip__title">{fmtDate(point.t)}</div>
      {fields.map((f) => (
        <div key={f.label} className="chart-tooltip__row">
          <span className="chart-tooltip__swatch" style={{ background: f.colour ?? 'transparent' }} />
          <span className="chart-tooltip__label">{f.label}</span>
          <span className="chart-tooltip__value">{f.value(point)}</span>
        </div>
      ))}
      {footer}
    </div>
  );
}
