import type { Combination, ParamValue } from '../where';

export interface ParamStability {
  name: string;
  /** The value chosen in the most windows (the earliest chosen of those tied); null without windows. */
  mostChosen: ParamValue | null;
  /** Share of the windows that chose it, 0..1. */
  share: number;
  /** How many different values were chosen. */
  distinct: number;
  /** Smallest and largest numeric value chosen; null when none is a number. */
  min: number | null;
  max: number | null;
}

/**
 * How steady each parameter's choice was across windows: parameters that jump around from window to window
 * were fitted to noise more than ones that settle on a value.
 */
export function paramStability(paramNames: readonly string[], chosen: readonly Combination[]): ParamStability[] {
  return paramNames.map((name) => {
    const counts = new Map<ParamValue, number>();
    let min: number | null = null;
    let max: number | null = null;
    for (const c of chosen) {
      const v = c[name];
      counts.set(v, (counts.get(v) ?? 0) + 1);
      if (typeof v === 'number') {
        min = min === null ? v : Math.min(min, v);
        max = max === null ? v : Math.max(max, v);
      }
    }
    let mostChosen: ParamValue | null = null;
    let top = 0;
    // A Map keeps first-seen order, so a tie goes to the value chosen first.
    for (const [v, n] of counts) {
      if (n > top) {
        mostChosen = v;
        top = n;
      }
    }
    return { name, mostChosen, share: chosen.length === 0 ? 0 : top / chosen.length, distinct: counts.size, min, max };
  });
}
