import type { FieldModel } from './fieldModel';

/** How csv and store prices are adjusted (core/data/ADJUSTMENTS.md), in a trader's words. */
export const ADJUSTMENTS = [
  { value: 'raw', label: 'Raw', explains: "Prices as the source has them (Yahoo downloads are already split-adjusted)" },
  { value: 'split', label: 'Split-adjusted', explains: 'Prices before each split divided by its ratio; dividends left out' },
  { value: 'total_return', label: 'Total return', explains: 'Prices scaled by Adj Close / Close, so returns include dividends; needs an Adj Close column' },
] as const;

export const ADJUSTMENT_PATH = 'data.adjustment';

/** The Adjustment select, its hint explaining the mode chosen (left out of the spec: raw). */
export function adjustmentField(value: unknown): FieldModel {
  const chosen = ADJUSTMENTS.find((a) => a.value === value) ?? ADJUSTMENTS[0];
  return {
    kind: 'select',
    path: ADJUSTMENT_PATH,
    label: 'Adjustment',
    required: false,
    wide: true,
    defaultValue: 'raw',
    hint: chosen.explains,
    options: ADJUSTMENTS.map(({ value: v, label }) => ({ value: v, label })),
  };
}
