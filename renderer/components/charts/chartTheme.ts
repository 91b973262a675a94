import { useMemo } from 'react';

/**
 * SVG presentation attributes do not resolve CSS variables, so the chart colours are read from the
 * theme's variables once and passed to recharts as plain colours.
 */
export interface ChartPalette {
  text: string;
  muted: string;
  grid: string;
  equity: string;
  benchmark: string;
  up: string;
  down: string;
  accent: string;
  panel: string;
}

const VARS: Record<keyof ChartPalette, [string, string]> = {
  text: ['--text', '#d1d4dc'],
  muted: ['--text-muted', '#787b86'],
  grid: ['--grid', '#2a2e39'],
  equity: ['--accent', '#2962ff'],
  benchmark: ['--text-muted', '#787b86'],
  up: ['--pos', '#089981'],
  down: ['--neg', '#f23645'],
  accent: ['--warn', '#f7a600'],
  panel: ['--panel', '#1e222d'],
};

export function readPalette(root: Element): ChartPalette {
  const style = getComputedStyle(root);
  const out = {} as ChartPalette;
  for (const [key, [name, fallback]] of Object.entries(VARS) as [keyof ChartPalette, [string, string]][]) {
    out[key] = style.getPropertyValue(name).trim() || fallback;
  }
  return out;
}

export function useChartPalette(): ChartPalette {
  return useMemo(() => readPalette(document.documentElement), []);
}

/** Shared by every chart: small axis text, no axis lines, a fixed y-axis width so stacked charts align. */
export const AXIS_WIDTH = 64;
export const AXIS_FONT = { fontSize: 11 } as const;
