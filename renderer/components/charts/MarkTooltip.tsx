import { fmtDate, fmtInt, fmtNumber, signClass } from '../common/format';
import type { ChartMarker } from './lwSeries';

const KIND: Record<ChartMarker['kind'], string> = { entry: 'entry', exit: 'exit', fill: 'fill' };

/** A signed amount with a real minus sign: +12.50 / −3.10 */
function fmtSignedMoney(v: number): string {
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${fmtNumber(Math.abs(v))}`;
}

export interface MarkTooltipProps {
  marks: readonly ChartMarker[];
  /** Pixel position of the pointer inside the chart. */
  x: number;
  y: number;
}

/** Side, quantity, price and (on an exit) the trade's P&L of the marks under the pointer. */
export function MarkTooltip({ marks, x, y }: MarkTooltipProps) {
  if (marks.length === 0) return null;
  return (
    <div className="chart-tooltip lw-tooltip" data-testid="mark-tooltip" style={{ left: x + 14, top: y + 14 }}>
      <div className="chart-tooltip__title">{fmtDate(marks[0].time * 1000)}</div>
      {marks.map((m) => (
        <div key={m.id} className={`chart-tooltip__row ${m.side === 'BUY' ? 'pos' : 'neg'}`}>
          <span className="chart-tooltip__label">
            {m.side === 'BUY' ? 'Buy' : 'Sell'} {KIND[m.kind]}
          </span>
          <span className="chart-tooltip__value">
            {fmtInt(m.quantity)} @ {fmtNumber(m.price)}
            {m.pnl !== null && <span className={signClass(m.pnl)}> P&L {fmtSignedMoney(m.pnl)}</span>}
          </span>
        </div>
      ))}
    </div>
  );
}
