import { describe, expect, it } from 'vitest';
import { colourScale, heatCellText, heatColour, heatmapLayout } from './heatmapLayout';

describe('heatmapLayout', () => {
  it('places each month under its calendar month and leaves gaps empty', () => {
    const layout = heatmapLayout(
      [
        { year: 2005, month: 11, returnPct: 2 },
        { year: 2004, month: 8, returnPct: -1.5 },
        { year: 2005, month: 1, returnPct: 4 },
      ],
      [
        { year: 2004, returnPct: -1.5 },
        { year: 2005, returnPct: 6.08 },
      ],
    );
    expect(layout.rows.map((r) => r.year)).toEqual([2004, 2005]);
    expect(layout.rows[0].months[7]).toBe(-1.5);
    expect(layout.rows[0].months[0]).toBeNull();
    expect(layout.rows[1].months[0]).toBe(4);
    expect(layout.rows[1].months[10]).toBe(2);
    expect(layout.rows[1].total).toBe(6.08);
  });

  it('keeps a year that has a yearly figure but no month yet', () => {
    const layout = heatmapLayout([], [{ year: 2010, returnPct: 1 }]);
    expect(layout.rows).toEqual([{ year: 2010, months: Array(12).fill(null), total: 1 }]);
  });
});

describe('colour scale', () => {
  it('ignores one outlier month', () => {
    const values = [...Array.from({ length: 19 }, (_, i) => (i % 2 ? 3 : -3)), 40];
    expect(colourScale(values)).toBe(3);
  });

  it('never goes below 1 %', () => {
    expect(colourScale([0.1, -0.2])).toBe(1);
    expect(colourScale([])).toBe(1);
  });

  it('colours by sign and grows with size, saturating at the scale', () => {
    expect(heatColour(2, 4)).toMatch(/^rgba\(8, 153, 129, /);
    expect(heatColour(-2, 4)).toMatch(/^rgba\(242, 54, 69, /);
    const alpha = (c: string) => Number(c.slice(c.lastIndexOf(',') + 1, -1));
    expect(alpha(heatColour(1, 4))).toBeLessThan(alpha(heatColour(3, 4)));
    expect(heatColour(4, 4)).toBe(heatColour(12, 4));
    expect(heatColour(0, 4)).toBe('transparent');
    expect(heatColour(null, 4)).toBe('transparent');
  });
});

describe('heatCellText', () => {
  it('shows one decimal and no negative zero', () => {
    expect([12.345, -3.06, -0.04, 0, null].map(heatCellText)).toEqual(['12.3', '−3.1', '0.0', '0.0', '']);
  });
});
