import type { Direction } from './sweepSlices';

type Rgb = readonly [number, number, number];

/** Worst to best: the theme's loss red, its warning amber, its gain green (as a spreadsheet trader expects). */
const WORST: Rgb = [242, 54, 69];
const MIDDLE: Rgb = [247, 166, 0];
const BEST: Rgb = [8, 153, 129];

const mix = (a: Rgb, b: Rgb, t: number): string => {
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
};

/** Where `v` stands from worst (0) to best (1) in `range`, the objective's direction deciding which end is best. */
export function heatPosition(v: number, [lo, hi]: readonly [number, number], direction: Direction): number {
  const t = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0.5;
  return direction === 'max' ? t : 1 - t;
}

/** The colour of a position from worst (0) to best (1). */
export function scaleColour(t: number): string {
  return t < 0.5 ? mix(WORST, MIDDLE, t * 2) : mix(MIDDLE, BEST, (t - 0.5) * 2);
}

export const heatColour = (v: number, range: readonly [number, number], direction: Direction): string => scaleColour(heatPosition(v, range, direction));

/** The legend's bar, low values on the left: red to green when more is better, green to red when less is. */
export function legendGradient(direction: Direction): string {
  const stops = direction === 'max' ? [0, 0.5, 1] : [1, 0.5, 0];
  return `linear-gradient(to right, ${stops.map(scaleColour).join(', ')})`;
}
