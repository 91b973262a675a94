import { useMemo, useState, type MouseEvent } from 'react';
import type { BarDto } from '../../../core/ipc/contract/data';
import { useChartPalette } from '../../components/charts/chartTheme';
import { fmtCompact } from '../../components/charts/timeAxis';
import { fmtNumber } from '../../components/common/format';
import { indexAt, layoutCandles, linearScale, niceStep, niceTicks, priceDomain, stepDecimals, timeTicks, type ChartFrame } from './candleGeometry';
import { fmtBarStamp, fmtPrice, fmtVolume } from './coverage';
import { useWidth } from './useWidth';

const HEIGHT = 380;
const AXIS_W = 64;
const TIME_AXIS_H = 22;
const VOLUME_SHARE = 0.22;
const PANEL_GAP = 8;

interface CandleChartProps {
  bars: readonly BarDto[];
  /** Seconds per bar shown, for how stamps are written. */
  barSeconds: number;
}

/** Candles with volume bars below on the same time axis; hovering a candle shows its exact values. */
export function CandleChart({ bars, barSeconds }: CandleChartProps) {
  const pal = useChartPalette();
  const [wrapRef, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);

  const frame = useMemo<ChartFrame>(() => {
    const plotBottom = HEIGHT - TIME_AXIS_H;
    const volumeTop = plotBottom - (plotBottom - PANEL_GAP) * VOLUME_SHARE;
    return { left: 0, right: Math.max(0, width - AXIS_W), priceTop: 8, priceBottom: volumeTop - PANEL_GAP, volumeTop, volumeBottom: plotBottom };
  }, [width]);
  const domain = useMemo(() => priceDomain(bars), [bars]);
  const shapes = useMemo(() => layoutCandles(bars, frame, domain), [bars, frame, domain]);
  const priceTicks = useMemo(() => niceTicks(domain[0], domain[1], 6), [domain]);
  const decimals = stepDecimals(niceStep(domain[0], domain[1], 6));
  const times = useMemo(() => timeTicks(bars.map((b) => b.ts), Math.max(2, Math.floor(frame.right / 110))), [bars, frame.right]);
  const y = linearScale(domain[0], domain[1], frame.priceBottom, frame.priceTop);
  const maxVolume = bars.reduce((m, b) => Math.max(m, b.volume), 0);

  const onMove = (e: MouseEvent<SVGSVGElement>): void => {
    const box = e.currentTarget.getBoundingClientRect();
    setHover(indexAt(frame, bars.length, e.clientX - box.left));
  };
  const shown = hover ?? bars.length - 1;
  const bar = bars[shown];

  return (
    <div className="candle-chart" ref={wrapRef} data-testid="candle-chart" data-bars={bars.length}>
      {bar && (
        <div className="candle-legend" data-testid="candle-legend">
          <span className="muted">{fmtBarStamp(bar.ts, barSeconds)}</span>
          <span>O <b>{fmtPrice(bar.open)}</b></span>
          <span>H <b>{fmtPrice(bar.high)}</b></span>
          <span>L <b>{fmtPrice(bar.low)}</b></span>
          <span>C <b className={bar.close >= bar.open ? 'pos' : 'neg'}>{fmtPrice(bar.close)}</b></span>
          <span>Vol <b>{fmtVolume(bar.volume)}</b></span>
        </div>
      )}
      {width > 0 && (
        <svg width={width} height={HEIGHT} role="img" aria-label={`Candlestick chart of ${bars.length} bars with volume`} onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
          {priceTicks.map((t) => (
            <g key={t}>
              <line x1={frame.left} x2={frame.right} y1={y(t)} y2={y(t)} stroke={pal.grid} />
              <text x={frame.right + 6} y={y(t) + 4} fill={pal.muted} fontSize={11}>
                {fmtNumber(t, decimals)}
              </text>
            </g>
          ))}
          {times.map((t) => {
            const x = shapes[t.index]?.x ?? 0;
            return (
              <g key={t.index}>
                <line x1={x} x2={x} y1={frame.priceTop} y2={frame.volumeBottom} stroke={pal.grid} />
                <text x={x} y={HEIGHT - 6} fill={pal.muted} fontSize={11} textAnchor="middle">
                  {t.label}
                </text>
              </g>
            );
          })}
          <line x1={frame.left} x2={frame.right} y1={frame.volumeTop - PANEL_GAP / 2} y2={frame.volumeTop - PANEL_GAP / 2} stroke={pal.grid} />
          <text x={frame.right + 6} y={frame.volumeTop + 10} fill={pal.muted} fontSize={11}>
            {fmtCompact(maxVolume)}
          </text>
          <g data-testid="candles">
            {shapes.map((s, i) => {
              const colour = s.up ? pal.up : pal.down;
              return (
                <g key={i}>
                  <line x1={s.x} x2={s.x} y1={s.wickTop} y2={s.wickBottom} stroke={colour} />
                  <rect x={s.bodyX} y={s.bodyTop} width={s.bodyWidth} height={s.bodyHeight} fill={colour} />
                </g>
              );
            })}
          </g>
          <g data-testid="volume-bars" opacity={0.5}>
            {shapes.map((s, i) => (
              <rect key={i} x={s.bodyX} y={s.volumeTop} width={s.bodyWidth} height={s.volumeHeight} fill={s.up ? pal.up : pal.down} />
            ))}
          </g>
          {hover !== null && shapes[hover] && (
            <line x1={shapes[hover].x} x2={shapes[hover].x} y1={frame.priceTop} y2={frame.volumeBottom} stroke={pal.muted} strokeDasharray="3 3" pointerEvents="none" />
          )}
        </svg>
      )}
    </div>
  );
}
