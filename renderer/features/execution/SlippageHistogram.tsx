import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExecutionAnalyticsDto } from '../../../core/ipc/contract/execution';
import { fmtInt, fmtNumber } from '../../components/common/format';
import { plotFrameProps } from '../../components/charts/axisProps';
import { AXIS_FONT, useChartPalette } from '../../components/charts/chartTheme';

export type SlippageBin = ExecutionAnalyticsDto['vsArrival']['histogram'][number];

interface Row extends SlippageBin {
  fill: string;
}

/** How many fills fell in each band of slippage (bps): costly bands red, improving ones green, the band holding zero neutral. */
export function SlippageHistogram({ bins, series, height = 200 }: { bins: readonly SlippageBin[]; series: string; height?: number }) {
  const pal = useChartPalette();
  const rows: Row[] = bins.map((b) => ({ ...b, fill: b.toBps <= 0 ? pal.up : b.fromBps > 0 ? pal.down : pal.muted }));
  return (
    <div className="chart exec-histogram" data-testid="exec-histogram" data-series={series} data-bins={rows.length}>
      <BarChart data={rows} {...plotFrameProps(height)} barCategoryGap={1} accessibilityLayer>
        <CartesianGrid stroke={pal.grid} vertical={false} />
        <XAxis dataKey="fromBps" tickFormatter={(v: number) => fmtNumber(v, 0)} tick={{ ...AXIS_FONT, fill: pal.muted }} stroke={pal.grid} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={{ ...AXIS_FONT, fill: pal.muted }} stroke={pal.grid} width={40} />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: pal.grid, fillOpacity: 0.5 }}
          content={({ active, payload }) => {
            const b = payload?.[0]?.payload as Row | undefined;
            if (!active || !b) return null;
            return (
              <div className="chart-tooltip">
                <div className="chart-tooltip__title">
                  {fmtNumber(b.fromBps, 0)} to {fmtNumber(b.toBps, 0)} bps
                </div>
                <div className="chart-tooltip__row">
                  <span className="chart-tooltip__swatch" style={{ background: b.fill }} />
                  <span className="chart-tooltip__label">Fills</span>
                  <span className="chart-tooltip__value">{fmtInt(b.count)}</span>
                </div>
              </div>
            );
          }}
        />
        <Bar dataKey="count" isAnimationActive={false}>
          {rows.map((b) => (
            <Cell key={b.fromBps} fill={b.fill} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}
