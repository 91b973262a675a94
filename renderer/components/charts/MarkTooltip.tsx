import { fmtDate, fmtInt, fmtNumber, MINUS, signClass } from '../common/format';
import type { ChartMarker } from './lwSeries';

const KIND: Record<ChartMarker['kind'], string> = { entry: 'entry', exit: 'exit', fill: 'fill' };

/** A signed amount with the minus sign: +12.50 / −3.10 */
function fmtSignedMoney(v: number): string {
  const body = fmtNumber(Math.abs(v));
  return `${body === fmtNumber(0) ? '' : v > 0 ? '+' : v < 0 ? MINUS : ''}${body}`;
}

export interface MarkTooltipProps {
  marks: readonly ChartMarker[];
  /** Pixel position of the pointer inside the chart. */
  x: number;
  y: number;
  /** Decimals the instrument is quoted to; cents when not given. */
  priceDecimals?: number;
}

/** Side, quantity, price and (on an exit) the trade's P&L of the marks under the pointer. */
export function MarkTooltip({ marks, x, y, priceDecimals = 2 }: MarkTooltipProps) {
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
            {fmtInt(m.quantity)} @ {fmtNumber(m.price, priceDecimals)}
            {m.pnl !== null && <span className={signClass(m.pnl)}> P&L {fmtSignedMoney(m.pnl)}</span>}
          </span>
        </div>
      ))}
    </div>
  );
}
