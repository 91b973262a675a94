import { useMemo } from 'react';
import { CartesianGrid, ComposedChart, Line, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { fmtInt, fmtNumber } from '../common/format';
import { crosshairTooltipProps, plotFrameProps, timeXAxisProps, valueYAxisProps } from './axisProps';
import { useChartPalette } from './chartTheme';
import { PointTooltip, type TooltipField } from './PointTooltip';
import { thinMarkers, type PricePoint, type TradeMarker } from './seriesRows';
import { fmtCompact, timeAxis } from './timeAxis';
import './charts.css';

/** About one mark per 4 px of a wide chart. */
const MARKER_BUCKETS = 250;

export interface PriceChartProps {
  points: readonly PricePoint[];
  buys: readonly TradeMarker[];
  sells: readonly TradeMarker[];
  height?: number;
}

/** A triangle pointing up (buy, below the price) or down (sell, above it). */
function markerShape(colour: string, up: boolean) {
  return function Marker(props: { cx?: number; cy?: number }) {
    const { cx, cy } = props;
    if (cx === undefined || cy === undefined) return null;
    const d = up ? `M${cx},${cy + 2} l4,7 l-8,0 z` : `M${cx},${cy - 2} l4,-7 l-8,0 z`;
    return <path d={d} fill={colour} />;
  };
}

/** Closing prices of one symbol with the run's buys and sells marked at their fill prices. */
export function PriceChart({ points, buys, sells, height = 260 }: PriceChartProps) {
  const pal = useChartPalette();
  const domain = useMemo<[number, number]>(() => [points[0]?.t ?? 0, points[points.length - 1]?.t ?? 0], [points]);
  const axis = useMemo(() => timeAxis(domain[0], domain[1], 10), [domain]);
  const byDate = useMemo(() => {
    const map = new Map<number, { side: string; m: TradeMarker }[]>();
    for (const [side, list] of [['Buy', buys], ['Sell', sells]] as const) {
      for (const m of list) map.set(m.t, [...(map.get(m.t) ?? []), { side, m }]);
    }
    return map;
  }, [buys, sells]);
  const fields = useMemo<TooltipField<PricePoint>[]>(() => [{ label: 'Close', value: (p) => fmtNumber(p.close), colour: pal.text }], [pal]);
  const drawnBuys = useMemo(() => thinMarkers(buys, domain, MARKER_BUCKETS), [buys, domain]);
  const drawnSells = useMemo(() => thinMarkers(sells, domain, MARKER_BUCKETS), [sells, domain]);
  const BuyShape = useMemo(() => markerShape(pal.up, true), [pal]);
  const SellShape = useMemo(() => markerShape(pal.down, false), [pal]);

  return (
    <div className="chart" data-testid="price-chart">
      <ComposedChart data={points as PricePoint[]} {...plotFrameProps(height)}>
        <CartesianGrid stroke={pal.grid} />
        <XAxis {...timeXAxisProps(domain, axis, pal)} />
        <YAxis {...valueYAxisProps(pal, fmtCompact)} domain={['auto', 'auto']} />
        <Tooltip
          {...crosshairTooltipProps(pal)}
          content={(props) => {
            const p = props.payload?.[0]?.payload as PricePoint | undefined;
            const fills = p ? (byDate.get(p.t) ?? []) : [];
            return (
              <PointTooltip
                props={props}
                fields={fields}
                footer={fills.map(({ side, m }, i) => (
                  <div key={i} className={`chart-tooltip__row ${side === 'Buy' ? 'pos' : 'neg'}`}>
                    <span className="chart-tooltip__label">{side}</span>
                    <span className="chart-tooltip__value">
                      {fmtInt(m.quantity)} @ {fmtNumber(m.price)}
                    </span>
                  </div>
                ))}
              />
            );
          }}
        />
        <Line dataKey="close" name="Close" stroke={pal.text} strokeWidth={1} dot={false} activeDot={{ r: 2 }} isAnimationActive={false} />
        <Scatter data={drawnBuys} dataKey="price" name="Buys" shape={BuyShape} isAnimationActive={false} />
        <Scatter data={drawnSells} dataKey="price" name="Sells" shape={SellShape} isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
