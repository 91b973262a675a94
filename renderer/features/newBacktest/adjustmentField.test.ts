import { describe, expect, it } from 'vitest';
import { ADJUSTMENTS as ENGINE_ADJUSTMENTS } from '../../../core/data/adjust';
import { ADJUSTMENTS, adjustmentField } from './adjustmentField';

describe('adjustmentField', () => {
  it("offers exactly the engine's adjustments", () => {
    const f = adjustmentField(undefined);
    expect(f.kind === 'select' && f.options.map((o) => o.value)).toEqual([...ENGINE_ADJUSTMENTS]);
    expect(f.kind === 'select' && f.options.map((o) => o.label)).toEqual(['Raw', 'Split-adjusted', 'Total return']);
  });

  it('explains the mode chosen, raw when none is', () => {
    expect(adjustmentField('total_return').hint).toBe(ADJUSTMENTS[2].explains);
    expect(adjustmentField('split').hint).toBe(ADJUSTMENTS[1].explains);
    expect(adjustmentField(undefined).hint).toBe(ADJUSTMENTS[0].explains);
  });
});
