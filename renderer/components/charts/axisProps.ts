import { AXIS_FONT, AXIS_WIDTH, type ChartPalette } from './chartTheme';
import type { TimeAxis } from './timeAxis';

/**
 * Props of a calendar time x-axis. Charts stacked on one time axis get the same domain and ticks, so
 * their gridlines and points line up exactly.
 */
export function timeXAxisProps(domain: [number, number], axis: TimeAxis, pal: ChartPalette) {
  return {
    dataKey: 't',
    type: 'number' as const,
    scale: 'time' as const,
    domain,
    ticks: axis.ticks,
    tickFormatter: axis.format,
    tick: { ...AXIS_FONT, fill: pal.muted },
    stroke: pal.grid,
    allowDataOverflow: true,
  };
}

/** Props of a value axis on the right, as on a trading chart, with a fixed width so stacked plots align. */
export function valueYAxisProps(pal: ChartPalette, format: (v: number) => string) {
  return {
    orientation: 'right' as const,
    width: AXIS_WIDTH,
    tickFormatter: format,
    tick: { ...AXIS_FONT, fill: pal.muted },
    stroke: pal.grid,
  };
}

/**
 * Size and margins of a plot that fills its panel's width. Every plot leaves the same room on the
 * left and none on the right (the value axis is there), so plots stacked in one column line up.
 */
export function plotFrameProps(height: number, top = 8) {
  return { width: '100%' as const, height, responsive: true, margin: { top, right: 0, bottom: 0, left: 8 } };
}

/** A point tooltip with a dashed vertical crosshair, drawn at once rather than animated. */
export function crosshairTooltipProps(pal: ChartPalette) {
  return { isAnimationActive: false, cursor: { stroke: pal.muted, strokeDasharray: '3 3' } };
}
