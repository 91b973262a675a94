import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { fmtInt, fmtNumber } from '../../../components/common/format';
import { plotFrameProps } from '../../../components/charts/axisProps';
import { AXIS_FONT, useChartPalette } from '../../../components/charts/chartTheme';
import type { PnlBin } from './tradeAnalysis';

/** How many trades fell in each band of net P&L; losing bands red, winning green. */
export function PnlHistogram({ bins }: { bins: readonly PnlBin[] }) {
  const pal = useChartPalette();
  return (
    <div className="chart" data-testid="pnl-histogram">
      <BarChart data={bins as PnlBin[]} {...plotFrameProps(240)} barCategoryGap={1}>
        <CartesianGrid stroke={pal.grid} vertical={false} />
        <XAxis dataKey="mid" tickFormatter={(v: number) => fmtNumber(v, 0)} tick={{ ...AXIS_FONT, fill: pal.muted }} stroke={pal.grid} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={{ ...AXIS_FONT, fill: pal.muted }} stroke={pal.grid} width={40} />
        <ReferenceLine x={0} stroke={pal.muted} />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: pal.grid, fillOpacity: 0.5 }}
          content={({ active, payload }) => {
            const b = payload?.[0]?.payload as PnlBin | undefined;
            if (!active || !b) return null;
            return (
              <div className="chart-tooltip">
                <div className="chart-tooltip__title">
                  {fmtNumber(b.from)} to {fmtNumber(b.to)}
                </div>
                <div className="chart-tooltip__row">
                  <span className="chart-tooltip__label">Trades</span>
                  <span className="chart-tooltip__value">{fmtInt(b.count)}</span>
                </div>
              </div>
            );
          }}
        />
        <Bar dataKey="count" isAnimationActive={false}>
          {bins.map((b) => (
            <Cell key={b.from} fill={b.mid > 0 ? pal.up : pal.down} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}
