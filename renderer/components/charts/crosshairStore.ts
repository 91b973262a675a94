import type { IChartApi, ISeriesApi, MouseEventParams, SeriesType, UTCTimestamp } from 'lightweight-charts';
import { create } from 'zustand';

/**
 * The time under the pointer on one chart of a group, so the other charts of the group (a run's price
 * and equity charts) draw their crosshair on the same session.
 */
interface CrosshairStore {
  group: string | null;
  /** Chart that set the time; it does not follow itself. */
  source: string | null;
  /** UTC seconds, or null once the pointer left. */
  time: number | null;
  point: (group: string, source: string, time: number | null) => void;
}

export const useCrosshairStore = create<CrosshairStore>((set) => ({
  group: null,
  source: null,
  time: null,
  point: (group, source, time) => set({ group, source, time }),
}));

/**
 * Draws `chart`'s crosshair wherever another chart of its group points. `value` gives the series value
 * at a time (the crosshair needs a price); a time the chart does not draw clears it. The time shown is
 * also written on `el` as data-crosshair, as markCrosshair does for the pointer's own chart.
 */
export function followCrosshair(
  chart: IChartApi,
  series: ISeriesApi<SeriesType>,
  sourceId: string,
  group: () => string | undefined,
  value: (time: number) => number | undefined,
  el: () => HTMLElement | null,
): () => void {
  return useCrosshairStore.subscribe((s) => {
    if (s.source === sourceId || s.group !== group()) return;
    const v = s.time === null ? undefined : value(s.time);
    const shown = s.time === null || v === undefined ? null : s.time;
    if (shown === null || v === undefined) chart.clearCrosshairPosition();
    else chart.setCrosshairPosition(v, shown as UTCTimestamp, series);
    const target = el();
    if (target) target.dataset.crosshair = shown === null ? '' : String(shown * 1000);
  });
}

/** Publishes the user's pointer time (not a crosshair another chart set, which has no source event). */
export function publishCrosshair(param: MouseEventParams, sourceId: string, group: string | undefined): void {
  if (!param.sourceEvent || !group) return;
  useCrosshairStore.getState().point(group, sourceId, typeof param.time === 'number' ? param.time : null);
}

/** Writes the crosshair's time (epoch ms, empty when none) on the chart's element as data-crosshair, for tests to read. */
export function markCrosshair(el: HTMLElement | null, param: MouseEventParams): void {
  if (el) el.dataset.crosshair = typeof param.time === 'number' ? String(param.time * 1000) : '';
}
