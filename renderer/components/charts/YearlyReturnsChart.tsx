import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { fmtSignedPct } from '../common/format';
import { plotFrameProps, valueYAxisProps } from './axisProps';
import { AXIS_FONT, useChartPalette } from './chartTheme';
import { fmtAxisPct } from './timeAxis';
import './charts.css';

export interface YearlyBar {
  year: number;
  returnPct: number;
  benchmarkPct: number | null;
}

/** Each calendar year's return, coloured by sign, beside the benchmark's. */
export function YearlyReturnsChart({ years, height = 220 }: { years: readonly YearlyBar[]; height?: number }) {
  const pal = useChartPalette();
  const hasBenchmark = useMemo(() => years.some((y) => y.benchmarkPct !== null), [years]);
  return (
    <div className="chart" data-testid="yearly-chart">
      <BarChart data={years as YearlyBar[]} {...plotFrameProps(height)} barGap={1}>
        <CartesianGrid stroke={pal.grid} vertical={false} />
        <XAxis dataKey="year" tick={{ ...AXIS_FONT, fill: pal.muted }} stroke={pal.grid} interval="preserveStartEnd" />
        <YAxis {...valueYAxisProps(pal, fmtAxisPct)} />
        <ReferenceLine y={0} stroke={pal.muted} />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: pal.grid, fillOpacity: 0.5 }}
          content={({ active, payload }) => {
            const y = payload?.[0]?.payload as YearlyBar | undefined;
            if (!active || !y) return null;
            return (
              <div className="chart-tooltip">
                <div className="chart-tooltip__title">{y.year}</div>
                <div className="chart-tooltip__row">
                  <span className="chart-tooltip__label">Strategy</span>
                  <span className="chart-tooltip__value">{fmtSignedPct(y.returnPct)}</span>
                </div>
                {hasBenchmark && (
                  <div className="chart-tooltip__row">
                    <span className="chart-tooltip__label">Buy & hold</span>
                    <span className="chart-tooltip__value">{fmtSignedPct(y.benchmarkPct)}</span>
                  </div>
                )}
              </div>
            );
          }}
        />
        <Bar dataKey="returnPct" name="Strategy" isAnimationActive={false} maxBarSize={28}>
          {years.map((y) => (
            <Cell key={y.year} fill={y.returnPct >= 0 ? pal.up : pal.down} />
          ))}
        </Bar>
        {hasBenchmark && <Bar dataKey="benchmarkPct" name="Buy & hold" fill={pal.benchmark} fillOpacity={0.6} isAnimationActive={false} maxBarSize={28} />}
      </BarChart>
    </div>
  );
}
