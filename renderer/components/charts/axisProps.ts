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
