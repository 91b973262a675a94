import { CartesianGrid, Cell, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { fmtSignedPct, withMinus } from '../../../components/common/format';
import { plotFrameProps } from '../../../components/charts/axisProps';
import { AXIS_FONT, useChartPalette } from '../../../components/charts/chartTheme';
import type { ScatterPoint } from './tradeAnalysis';

const fmtAxis = (v: number): string => withMinus(`${v.toFixed(0)}%`);

/** Each trade's worst (x) against its best (y) excursion in % of entry value; a click selects the trade. */
export function TradeScatter({ points, selectedId, onSelect }: { points: readonly ScatterPoint[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const pal = useChartPalette();
  return (
    <div className="chart" data-testid="mae-mfe-chart">
      <ScatterChart {...plotFrameProps(240)}>
        <CartesianGrid stroke={pal.grid} />
        <XAxis type="number" dataKey="maePct" name="MAE" tickFormatter={fmtAxis} tick={{ ...AXIS_FONT, fill: pal.muted }} stroke={pal.grid} label={{ value: 'MAE %', position: 'insideBottomRight', offset: -2, fill: pal.muted, fontSize: 11 }} />
        <YAxis type="number" dataKey="mfePct" name="MFE" tickFormatter={fmtAxis} tick={{ ...AXIS_FONT, fill: pal.muted }} stroke={pal.grid} width={48} />
        <Tooltip
          isAnimationActive={false}
          content={({ active, payload }) => {
            const p = payload?.[0]?.payload as ScatterPoint | undefined;
            if (!active || !p) return null;
            return (
              <div className="chart-tooltip">
                <div className="chart-tooltip__title">{p.instrument}</div>
                <div className="chart-tooltip__row">
                  <span className="chart-tooltip__label">MAE / MFE</span>
                  <span className="chart-tooltip__value">
                    {fmtSignedPct(-p.maePct)} / {fmtSignedPct(p.mfePct)}
                  </span>
                </div>
                <div className="chart-tooltip__row">
                  <span className="chart-tooltip__label">Return</span>
                  <span className="chart-tooltip__value">{fmtSignedPct(p.returnPct)}</span>
                </div>
              </div>
            );
          }}
        />
        <Scatter data={points as ScatterPoint[]} isAnimationActive={false} onClick={(d: { payload?: ScatterPoint }) => d.payload && onSelect(d.payload.id)}>
          {points.map((p) => (
            <Cell
              key={p.id}
              fill={p.id === selectedId ? pal.accent : p.outcome === 'win' ? pal.up : pal.down}
              r={p.id === selectedId ? 6 : 3}
              cursor="pointer"
            />
          ))}
        </Scatter>
      </ScatterChart>
    </div>
  );
}
