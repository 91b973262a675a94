import { useEffect, type RefObject } from 'react';
import { ColorType, CrosshairMode, type ChartOptions, type DeepPartial, type IChartApi, type IRange, type Time } from 'lightweight-charts';
import type { ChartPalette } from './chartTheme';

/** The look every lightweight chart shares: the app's palette, a crosshair that follows the pointer freely. */
export function lwChartOptions(pal: ChartPalette, height: number, intraday: boolean): DeepPartial<ChartOptions> {
  return {
    autoSize: true,
    height,
    layout: {
      background: { type: ColorType.Solid, color: 'transparent' },
      textColor: pal.muted,
      fontSize: 11,
      attributionLogo: false,
      panes: { separatorColor: pal.grid },
    },
    grid: { vertLines: { color: pal.grid }, horzLines: { color: pal.grid } },
    rightPriceScale: { borderVisible: false, minimumWidth: 64 },
    timeScale: { borderVisible: false, timeVisible: intraday, secondsVisible: false },
    crosshair: { mode: CrosshairMode.Normal },
  };
}

/**
 * Writes the visible time range (epoch ms) on the wrapper as data-visible-from/to, so a test (or a
 * screen reader script) can read the zoom without pixels. `rebuild` names the chart instance.
 */
export function useRangeAttributes(chartRef: RefObject<IChartApi | null>, wrapRef: RefObject<HTMLDivElement | null>, rebuild: unknown): void {
  useEffect(() => {
    const chart = chartRef.current;
    const wrap = wrapRef.current;
    if (!chart || !wrap) return;
    const onRange = (range: IRange<Time> | null): void => {
      if (!range || typeof range.from !== 'number' || typeof range.to !== 'number') return;
      wrap.dataset.visibleFrom = String(range.from * 1000);
      wrap.dataset.visibleTo = String(range.to * 1000);
    };
    chart.timeScale().subscribeVisibleTimeRangeChange(onRange);
    return () => chart.timeScale().unsubscribeVisibleTimeRangeChange(onRange);
  }, [chartRef, wrapRef, rebuild]);
}

/** A #rrggbb colour with an alpha (0-1); any other spelling is returned as it is. */
export function withAlpha(colour: string, alpha: number): string {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) return colour;
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
  return `${colour}${a.toString(16).padStart(2, '0')}`;
}
